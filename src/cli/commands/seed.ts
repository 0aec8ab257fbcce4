import { Command, InvalidArgumentError, Option } from 'commander';
import type { SeedScale } from '../../kernel/module';
import { terminalProgress } from '../../kernel/progress';
import { seedCity } from '../../seed';
import { withPlatform } from '../open';
import { printDemoLogins } from './serve';

export function seedCommand() {
  return new Command('seed')
    .description('Generate the synthetic city (deterministic by --seed) into an empty database')
    .addOption(
      new Option('--scale <scale>', 'demo ≈ 20k residents, county ≈ 400k, full = 2.57M')
        .choices(['demo', 'county', 'full'])
        .default('demo'),
    )
    .option(
      '--seed <n>',
      'random seed: the same seed gives the same city',
      (value) => {
        if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
        return Number(value);
      },
      20261129,
    )
    .action((options: { scale: SeedScale; seed: number }) =>
      withPlatform(async (platform) => {
        const started = Date.now();
        await seedCity(platform, { scale: options.scale, seed: options.seed, progress: terminalProgress() });
        process.stdout.write(
          `seeded the ${options.scale} city (seed ${options.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
        printDemoLogins();
      }),
    );
}
