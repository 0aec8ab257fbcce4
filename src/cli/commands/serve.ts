import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config';
import { buildApp } from '../../http/app';
import { loadHolidayCalendar, provisionalCalendarWarning } from '../../kernel/calendar';
import { terminalProgress } from '../../kernel/progress';
import { openPlatform } from '../../platform';
import { DEMO_LOGINS, DEMO_PASSWORD, seedCity } from '../../seed';

export function printDemoLogins(stream: NodeJS.WritableStream = process.stdout) {
  stream.write(`\nDemo logins (password ${DEMO_PASSWORD}):\n`);
  for (const login of DEMO_LOGINS)
    stream.write(`  ${login.username.padEnd(22)} ${login.role.padEnd(17)} ${login.description.en}\n`);
}

/** `sanqu serve`: migrate, seed an empty database with the demo city, then serve the API and the web app. */
export function serveCommand() {
  return new Command('serve')
    .description('Start the platform (migrates, and seeds the demo city into an empty database)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)', (value) => {
      if (!/^\d+$/.test(value) || Number(value) > 65535)
        throw new InvalidArgumentError('expected a port number');
      return Number(value);
    })
    .action(async (options: { port?: number }) => {
      const config = loadConfig();
      const platform = await openPlatform(config.database);
      const seeded = await platform.auth.findByUsername('admin');
      if (!seeded && config.seedScale !== 'none') {
        process.stdout.write(`Empty database: seeding the ${config.seedScale} city (seed ${config.seed})…\n`);
        await seedCity(platform, {
          scale: config.seedScale,
          seed: config.seed,
          progress: terminalProgress(),
        });
      }
      const app = await buildApp(platform, config);
      const port = options.port ?? config.port;
      await app.listen({ port, host: config.host });
      const where = config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
      process.stdout.write(
        `\nSanqu 三衢 is running at http://localhost:${port}  (API docs: /docs, database: ${where})\n`,
      );
      if (!seeded && config.seedScale !== 'none') printDemoLogins();
      // Deadlines in years without a State Council notice rest on the law's days off alone: say so once.
      const calendar = loadHolidayCalendar();
      const provisional = provisionalCalendarWarning(calendar);
      if (provisional)
        app.log.warn({ provisionalYears: [...calendar.provisionalYears].sort((a, b) => a - b) }, provisional);
      const stop = async () => {
        await app.close();
        await platform.database.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
