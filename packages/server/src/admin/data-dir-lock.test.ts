import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileName, tryLockDataDir } from './data-dir-lock.ts';

describe('data dir lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cotejo-lock-'));
  const path = join(dir, lockFileName);
  afterEach(() => rmSync(path, { force: true }));

  it('is taken once and released', async () => {
    const lock = await tryLockDataDir(dir);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pid: process.pid });
    await lock?.release();
    expect(await tryLockDataDir(dir)).not.toBeNull();
  });

  it('is refused while another live process holds it', async () => {
    writeFileSync(path, JSON.stringify({ pid: process.ppid }));
    expect(await tryLockDataDir(dir)).toBeNull();
  });

  it('is taken over from a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(path, JSON.stringify({ pid: gone }));
    expect(await tryLockDataDir(dir)).not.toBeNull();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pid: process.pid });
  });
});
