import { Command } from 'commander';
import { loadConfig } from '../../config';
import { migrate, openDatabase } from '../../kernel/db';
import { platformComponents } from '../../platform';

export function migrateCommand() {
  return new Command('migrate')
    .description('Apply pending database migrations (safe to repeat)')
    .action(async () => {
      const database = openDatabase(loadConfig().database);
      try {
        const applied = await migrate(database, platformComponents);
        process.stdout.write(
          applied.length ? `${applied.map((a) => `applied ${a}`).join('\n')}\n` : 'database is up to date\n',
        );
      } finally {
        await database.close();
      }
    });
}
