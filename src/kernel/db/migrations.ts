import { type Kysely, sql } from 'kysely';
import type { DialectName, SanquDatabase } from './connect';
import { serializeWithinTransaction } from './dialect';
import { tablesOf } from './tables-of';

export interface MigrationContext {
  db: Kysely<object>;
  dialect: DialectName;
}

/** One schema step. Names start with a timestamp (`2026_11_29_0001_create_users`) and order all migrations. */
export interface Migration {
  up(context: MigrationContext): Promise<void>;
  down?(context: MigrationContext): Promise<void>;
}

export interface NamedMigration {
  component: string;
  name: string;
  migration: Migration;
}

export interface MigrationSource {
  name: string;
  migrations?: Record<string, Migration>;
}

interface MigrationTables {
  sanqu_migrations: { component: string; name: string; applied_at: string };
}

const NAME_PATTERN = /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/;

/** Collects every component's migrations in timestamp order (component name breaks ties). */
export function collectMigrations(sources: readonly MigrationSource[]): NamedMigration[] {
  const all: NamedMigration[] = [];
  for (const source of sources) {
    for (const [name, migration] of Object.entries(source.migrations ?? {})) {
      if (!NAME_PATTERN.test(name)) {
        throw new Error(`Migration "${source.name}/${name}" must be named YYYY_MM_DD_NNNN_description`);
      }
      all.push({ component: source.name, name, migration });
    }
  }
  return all.sort((a, b) => a.name.localeCompare(b.name) || a.component.localeCompare(b.component));
}

/**
 * Applies pending migrations, each in its own transaction together with its record, so a failed step leaves
 * nothing behind. Safe to run again and from two processes at once (a lock serialises them).
 * Returns the names applied in this run.
 */
export async function migrate(
  database: SanquDatabase,
  sources: readonly MigrationSource[],
): Promise<string[]> {
  const db = database.db as Kysely<MigrationTables>;
  // Even "if not exists" races on PostgreSQL, so the bootstrap takes the same lock as each step.
  await db.transaction().execute(async (trx) => {
    await serializeWithinTransaction(trx, database.dialect, 'sanqu_migrations');
    await trx.schema
      .createTable('sanqu_migrations')
      .ifNotExists()
      .addColumn('component', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sanqu_migrations_pk', ['component', 'name'])
      .execute();
  });

  const applied: string[] = [];
  for (const step of collectMigrations(sources)) {
    await db.transaction().execute(async (trx) => {
      await serializeWithinTransaction(trx, database.dialect, 'sanqu_migrations');
      const done = await trx
        .selectFrom('sanqu_migrations')
        .select('name')
        .where('component', '=', step.component)
        .where('name', '=', step.name)
        .executeTakeFirst();
      if (done) return;
      await step.migration.up({ db: tablesOf<object>(trx), dialect: database.dialect });
      await trx
        .insertInto('sanqu_migrations')
        .values({ component: step.component, name: step.name, applied_at: new Date().toISOString() })
        .execute();
      applied.push(`${step.component}/${step.name}`);
    });
  }
  return applied;
}

/** Lists applied migrations, oldest first. */
export async function appliedMigrations(database: SanquDatabase): Promise<string[]> {
  const rows = await sql<{
    component: string;
    name: string;
  }>`select component, name from sanqu_migrations order by name, component`.execute(database.db);
  return rows.rows.map((r) => `${r.component}/${r.name}`);
}
