import { type Command, Command as CommanderCommand } from 'commander';
import { withPlatform } from '../open';

/**
 * `sanqu services …` — 一网通办 jobs run outside the server. `sla` is the deadline sweep the server also runs every
 * ten minutes: warn cases at 80 % of their limit, escalate overdue ones to the city's 政务服务 office.
 */
export function servicesCommand(): Command {
  const services = new CommanderCommand('services').description('一网通办: government service cases');
  services
    .command('sla')
    .description('Warn cases at 80 % of their time limit and escalate overdue ones (预警与督办)')
    .action(() =>
      withPlatform(async (platform) => {
        const report = await platform.services.sweep();
        process.stdout.write(
          `deadline sweep: ${report.warned} case(s) warned, ${report.escalated} escalated\n`,
        );
      }),
    );
  return services;
}
