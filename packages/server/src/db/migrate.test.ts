import { describe, expect, it } from 'vitest';
import { readMigrations, splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comments', () => {
    const sql =
      '-- a comment; with a semicolon\ncreate table a (x int);\n\ncreate index b on a (x);';
    expect(splitStatements(sql)).toEqual(['create table a (x int)', 'create index b on a (x)']);
  });
});

describe('readMigrations', () => {
  it('reads numbered migrations in order, starting at 1 without gaps', async () => {
    const migrations = await readMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(migrations[0]?.sql).toContain('create table validation_requests');
  });
});
