import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the defaults and freezes the result', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      syncWaitMs: 3000,
      heartbeatIntervalMs: 20_000,
      maxFrameBytes: 1_048_576,
      amountTolerance: '0.01',
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the variables and treats empty ones as unset', () => {
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      SYNC_WAIT_MS: '250',
      DATA_DIR: '',
    });
    expect(config.port).toBe(0);
    expect(config.syncWaitMs).toBe(250);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(config.dataDir).toBe('./data');
  });

  it('stops on a bad value naming the variable and what is expected', () => {
    expect(() => loadConfig({ PORT: 'abc', AMOUNT_TOLERANCE: 'x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(String(error)).toMatch(/PORT: se espera un número entero entre 0 y 65535/);
      expect(String(error)).toMatch(/LOG_LEVEL: se espera uno de/);
    }
  });

  it('accepts only tolerances the comparison can use', () => {
    expect(loadConfig({ AMOUNT_TOLERANCE: '0,05' }).amountTolerance).toBe('0,05');
    for (const bad of ['$0,05', '1.234,5', '-0.01']) {
      expect(() => loadConfig({ AMOUNT_TOLERANCE: bad })).toThrow(/AMOUNT_TOLERANCE/);
    }
  });
});
