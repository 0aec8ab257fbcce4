import { userInfo } from 'node:os';
import { type Command, Command as CommanderCommand, InvalidArgumentError } from 'commander';
import { terminalProgress } from '../../kernel/progress';
import { withPlatform } from '../open';

const period = (value: string) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
    throw new InvalidArgumentError('expected YYYY-MM, e.g. 2026-10');
  return value;
};
const version = (value: string) => {
  if (!/^\d{4}\.\d{1,3}$/.test(value))
    throw new InvalidArgumentError('expected a model version such as 2026.1');
  return value;
};

/**
 * `sanqu credit …` — 信安分 jobs run outside the server: the population recompute (also how a new model version is
 * put in force) and green-life records from a closed carbon month.
 */
export function creditCommand(): Command {
  const credit = new CommanderCommand('credit').description('信安分: the resident integrity score');
  credit
    .command('recompute')
    .description(
      'Recompute every resident’s score; with --model, put that version in force and score everyone under it',
    )
    .option('--model <version>', 'a stored model version (GET /api/v1/credit/models)', version)
    .action((options: { model?: string }) =>
      withPlatform(async (platform) => {
        const started = Date.now();
        const result = await platform.credit.recompute({
          modelVersion: options.model,
          actor: { id: `cli:${userInfo().username}`, role: 'operator' },
          progress: terminalProgress(),
        });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `scored ${result.residents.toLocaleString('en')} adult residents under model ${result.modelVersion} as of ${result.asOf} in ${seconds} s; ${result.changed.toLocaleString('en')} changed\n`,
        );
      }),
    );
  credit
    .command('green-life')
    .description(
      'Add green-life records (绿色生活) from a closed carbon month: one per resident, never twice',
    )
    .requiredOption('--period <YYYY-MM>', 'a month the carbon close has closed', period)
    .action((options: { period: string }) =>
      withPlatform(async (platform) => {
        const r = await platform.credit.importGreenLife(options.period);
        process.stdout.write(
          `green life ${options.period}: ${r.residents} residents read; ${r.accepted} records added, ${r.duplicates} already there, ${r.rejected} refused\n`,
        );
      }),
    );
  return credit;
}
