import type SQLite from 'better-sqlite3';

const caches = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * The prepared statement for `text` on `sqlite`, prepared once per connection: preparing costs more than running
 * a small statement. `raw` statements return rows as arrays; the mode is part of the cache key.
 */
export function cachedStatement(sqlite: SQLite.Database, text: string, raw = false): SQLite.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  const key = raw ? `raw:${text}` : text;
  let statement = cache.get(key);
  if (!statement) {
    statement = sqlite.prepare(text);
    if (raw) statement.raw(true);
    cache.set(key, statement);
  }
  return statement;
}

/** Statements the query builder's connection keeps prepared: its queries come from a few hundred call sites. */
const QUERY_BUILDER_STATEMENTS = 500;

/**
 * The connection as Kysely's SQLite dialect sees it, with its statements prepared once: Kysely prepares every query
 * it runs, and preparing cost a request of a few dozen small statements about a quarter of its time. The most
 * recently used statements are kept (queries with `in (…)` lists of varying length would otherwise pile up). Safe
 * because one connection runs one statement at a time and better-sqlite3 resets a statement after each use;
 * SQLite prepares a statement again by itself when the schema has changed.
 */
export function statementCachingConnection(
  sqlite: SQLite.Database,
  capacity = QUERY_BUILDER_STATEMENTS,
): { prepare(text: string): SQLite.Statement; close(): void } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        // Map order is insertion order: moving a hit to the end keeps the least recently used first.
        statements.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
