import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { statementCachingConnection } from './statement-cache';

describe('statementCachingConnection', () => {
  it('prepares a text once, keeps the most recently used, and answers as a fresh statement would', () => {
    const sqlite = new SQLite(':memory:');
    const connection = statementCachingConnection(sqlite, 2);
    sqlite.exec('create table t (id integer primary key, name text)');
    const insert = connection.prepare('insert into t (name) values (?)');
    expect(connection.prepare('insert into t (name) values (?)')).toBe(insert);
    insert.run(['a']);
    insert.run(['b']);
    const count = connection.prepare('select count(*) as n from t');
    expect(count.all([])).toEqual([{ n: 2 }]);
    // Capacity 2: a third text evicts the least recently used (the insert), not the count just used.
    connection.prepare('select name from t order by id');
    expect(connection.prepare('select count(*) as n from t')).toBe(count);
    expect(connection.prepare('insert into t (name) values (?)')).not.toBe(insert);
    // SQLite prepares a kept statement again by itself after the schema changes.
    sqlite.exec('alter table t add column note text');
    expect(connection.prepare('select count(*) as n from t').all([])).toEqual([{ n: 2 }]);
    connection.close();
    expect(sqlite.open).toBe(false);
  });
});
