import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('reads the command, its option and --json in any order', () => {
    expect(parseCliArgs(['tenant', 'create', '--name', 'ACME SA', '--json'])).toEqual({
      name: 'tenant create',
      values: { name: 'ACME SA' },
      json: true,
    });
    expect(parseCliArgs(['--json', 'key', 'revoke', '--id=abc'])).toEqual({
      name: 'key revoke',
      values: { id: 'abc' },
      json: true,
    });
    expect(parseCliArgs(['tenant', 'list'])).toEqual({
      name: 'tenant list',
      values: {},
      json: false,
    });
    expect(parseCliArgs(['user', 'create', '--email', 'ana@acme.com', '--tenant', 't1'])).toEqual({
      name: 'user create',
      values: { tenant: 't1', email: 'ana@acme.com' },
      json: false,
    });
  });

  it('refuses unknown commands and missing options in Spanish', () => {
    expect(() => parseCliArgs(['tenant', 'delete'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['key', 'create'])).toThrow(/requiere --tenant/);
    expect(() => parseCliArgs(['key', 'create', '--tenant'])).toThrow(/Falta el valor/);
    expect(() => parseCliArgs(['user', 'create', '--tenant', 't1'])).toThrow(/requiere --email/);
  });
});
