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
