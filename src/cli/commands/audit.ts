import { Command } from 'commander';
import { terminalProgress } from '../../kernel/progress';
import { withPlatform } from '../open';

export function auditCommand() {
  const audit = new Command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description('Recompute the hash chain; report OK or the first broken row')
    .action(() =>
      withPlatform(async (platform) => {
        const progress = terminalProgress();
        let reported = -1;
        const result = await platform.audit.verify((checked, total) => {
          if (reported < 0) progress.start('audit rows', total);
          progress.increment(checked - Math.max(reported, 0));
          reported = checked;
        });
        if (reported >= 0) progress.stop();
        if (result.ok) {
          process.stdout.write(`OK: ${result.rows} audit rows, chain intact\n`);
          return;
        }
        process.stdout.write(
          `BROKEN at row ${result.seq} (${result.reason}); ${result.rows} rows before it verified\n`,
        );
        process.exitCode = 2;
      }),
    );
  return audit;
}
