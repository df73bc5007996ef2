import { readFile } from 'node:fs/promises';
import { errorCodes, httpStatusByCode, jsonRpcCodeByCode } from '@cotejo/protocol';
import { describe, expect, it } from 'vitest';

interface DocumentedCode {
  code: string;
  httpStatus: number;
  jsonRpcCode: number;
  when: string;
  whatToDo: string;
}

/** The rows of docs/errors.md's table whose first cell is a `CODE`. */
async function documentedCodes(): Promise<DocumentedCode[]> {
  const text = await readFile(new URL('../docs/errors.md', import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line) =>
      /^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|\s*(-?\d+)\s*\|(.*)\|(.*)\|\s*$/.exec(line),
    )
    .filter((match) => match !== null)
    .map(([, code = '', httpStatus, jsonRpcCode, when = '', whatToDo = '']) => ({
      code,
      httpStatus: Number(httpStatus),
      jsonRpcCode: Number(jsonRpcCode),
      when: when.trim(),
      whatToDo: whatToDo.trim(),
    }));
}

describe('docs/errors.md', () => {
  it('lists every error code exactly once, in the order errorCodes defines', async () => {
    const documented = await documentedCodes();
    expect(documented.map((row) => row.code)).toEqual([...errorCodes]);
  });

  it('gives each code its HTTP status and JSON-RPC code', async () => {
    for (const row of await documentedCodes()) {
      const code = row.code as (typeof errorCodes)[number];
      expect({ code, http: row.httpStatus, rpc: row.jsonRpcCode }).toEqual({
        code,
        http: httpStatusByCode[code],
        rpc: jsonRpcCodeByCode[code],
      });
    }
  });

  it('says when each code happens and what to do', async () => {
    for (const row of await documentedCodes()) {
      expect(row.when.length, row.code).toBeGreaterThan(20);
      expect(row.whatToDo.length, row.code).toBeGreaterThan(3);
    }
  });
});
