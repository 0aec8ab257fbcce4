import { Command } from 'commander';
import { auditCommand } from './commands/audit';
import { backupCommand } from './commands/backup';
import { addCarbonCloseCommand } from './commands/carbon-close';
import { addCarbonImportCommand } from './commands/carbon-import';
import { checkIdCommand } from './commands/check-id';
import { creditCommand } from './commands/credit';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';
import { servicesCommand } from './commands/services';
import { usersCommand } from './commands/users';
import { workdaysCommand } from './commands/workdays';

const program = new Command('sanqu')
  .description('Sanqu 三衢 — common-prosperity services platform')
  .version('0.1.0')
  .showHelpAfterError();

for (const command of [
  serveCommand(),
  migrateCommand(),
  seedCommand(),
  checkIdCommand(),
  workdaysCommand(),
  auditCommand(),
  backupCommand(),
  usersCommand(),
  creditCommand(),
  servicesCommand(),
]) {
  program.addCommand(command);
}
addCarbonCloseCommand(program);
addCarbonImportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`sanqu: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
