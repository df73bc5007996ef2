import { describe, expect, it } from 'vitest';
import { parseErrorCode, readIncomingFrame } from './incoming-frame.ts';

describe('readIncomingFrame', () => {
  it('classifies responses, requests and notifications', () => {
    const response = readIncomingFrame('{"jsonrpc":"2.0","id":"a","result":{"rows":[]}}', false);
    expect(response).toMatchObject({ ok: true, frame: { kind: 'response' } });
    const hello = readIncomingFrame(
      Buffer.from('{"jsonrpc":"2.0","method":"agent.hello","params":{}}'),
      false,
    );
    expect(hello).toMatchObject({ ok: true, frame: { kind: 'notification' } });
  });

  it('answers malformed JSON with a -32700 parse error', () => {
    expect(readIncomingFrame('{not json', false)).toMatchObject({
      ok: false,
      reply: { id: null, error: { code: parseErrorCode, data: { code: 'INVALID_FRAME' } } },
    });
  });

  it('answers JSON that is no JSON-RPC frame with -32600, keeping its id', () => {
    expect(readIncomingFrame('{"id":7,"hello":true}', false)).toMatchObject({
      ok: false,
      reply: { id: 7, error: { code: -32600 } },
    });
    expect(readIncomingFrame('[]', false)).toMatchObject({ ok: false, reply: { id: null } });
  });

  it('refuses binary messages', () => {
    expect(readIncomingFrame(Buffer.from([1, 2]), true)).toMatchObject({ ok: false });
  });
});
