import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../config';
import { openDatabase } from '../../kernel/db';

/**
 * `sanqu backup <file>`: an online, consistent copy of the SQLite database (the server may keep running).
 * On PostgreSQL it prints the pg_dump command to run instead.
 */
export function backupCommand() {
  return new Command('backup')
    .description('Back up the database (SQLite online backup; prints the pg_dump command on PostgreSQL)')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const config = loadConfig().database;
      if (config.dialect === 'postgres') {
        const url = new URL(config.url);
        url.password = url.password ? '****' : '';
        process.stdout.write(
          `PostgreSQL: run\n  pg_dump --format=custom --file=${file} '${url.toString()}'\n`,
        );
        return;
      }
      const target = resolve(file);
      if (existsSync(target)) throw new Error(`${target} exists already; choose a new file`);
      const database = openDatabase(config);
      try {
        await database.sqlite!.backup(target, {
          progress: ({ totalPages, remainingPages }) => {
            process.stderr.write(`backup: ${totalPages - remainingPages}/${totalPages} pages\r`);
            return 256;
          },
        });
        process.stderr.write('\n');
        process.stdout.write(`backup written to ${target}\n`);
      } finally {
        await database.close();
      }
    });
}
