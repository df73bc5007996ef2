import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('reads the command, its option and --json in any order', () => {
    expect(parseCliArgs(['tenant', 'create', '--name', 'ACME SA', '--json'])).toEqual({
      name: 'tenant create',
      value: 'ACME SA',
      json: true,
    });
    expect(parseCliArgs(['--json', 'key', 'revoke', '--id=abc'])).toEqual({
      name: 'key revoke',
      value: 'abc',
      json: true,
    });
    expect(parseCliArgs(['tenant', 'list'])).toEqual({
      name: 'tenant list',
      value: '',
      json: false,
    });
  });

  it('refuses unknown commands and missing options in Spanish', () => {
    expect(() => parseCliArgs(['tenant', 'delete'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['key', 'create'])).toThrow(/requiere --tenant/);
    expect(() => parseCliArgs(['key', 'create', '--tenant'])).toThrow(/Falta el valor/);
  });
});
