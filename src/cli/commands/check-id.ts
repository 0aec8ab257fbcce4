import { Command } from 'commander';
import { classifyIdentifier, describeReason } from '../../kernel/identity';

/** `sanqu check-id <value>...`: one line per value; exit code 1 if any is invalid. */
export function checkIdCommand() {
  return new Command('check-id')
    .description('Check resident ID numbers (GB 11643), credit codes (GB 32100) or mobile numbers')
    .argument('<values...>', 'values to check')
    .option('--lang <lang>', 'language of the reasons: zh-CN or en', 'zh-CN')
    .action((values: string[], options: { lang: string }) => {
      const language = options.lang === 'en' ? 'en' : 'zh-CN';
      let invalid = 0;
      for (const value of values) {
        const check = classifyIdentifier(value);
        if (check.valid) {
          process.stdout.write(`${value}\tvalid\t${check.type}\n`);
        } else {
          invalid++;
          const reason = check.reason ? describeReason(check.reason, language) : '';
          process.stdout.write(`${value}\tinvalid\t${check.type}\t${reason}\n`);
        }
      }
      if (invalid > 0) process.exitCode = 1;
    });
}
