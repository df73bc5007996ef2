import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { classifyFrame, rpcFailure } from './jsonrpc.ts';

describe('classifyFrame', () => {
  it('recognizes a request', () => {
    const frame = { jsonrpc: '2.0', id: 'r1', method: 'invoice.lookup', params: { a: 1 } };
    expect(classifyFrame(frame)).toEqual({ kind: 'request', frame });
  });

  it('recognizes a notification only without an id', () => {
    const frame = { jsonrpc: '2.0', method: 'agent.hello', params: {} };
    expect(classifyFrame(frame)).toEqual({ kind: 'notification', frame });
    expect(classifyFrame({ ...frame, id: null })).toBeNull();
  });

  it('recognizes successful and failed responses', () => {
    const success = { jsonrpc: '2.0', id: 7, result: { rows: [] } };
    expect(classifyFrame(success)).toEqual({ kind: 'response', frame: success });
    const failure = {
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600, message: 'Trama inválida' },
    };
    expect(classifyFrame(failure)).toEqual({ kind: 'response', frame: failure });
  });

  it.each([
    null,
    42,
    'hola',
    [],
    {},
    { jsonrpc: '1.0', id: 1, method: 'x' },
    { jsonrpc: '2.0', id: 1 },
    { jsonrpc: '2.0', id: '', method: 'x' },
    { jsonrpc: '2.0', id: 1.5, result: 1 },
    { jsonrpc: '2.0', id: 1, method: '' },
    { jsonrpc: '2.0', id: 1, error: { code: 'x', message: 'y' } },
  ])('rejects %j', (value) => {
    expect(classifyFrame(value)).toBeNull();
  });

  it('round-trips a failure built from an AppError', () => {
    const failure = rpcFailure('r1', new AppError('QUERY_TIMEOUT', 'La consulta tardó demasiado'));
    expect(classifyFrame(JSON.parse(JSON.stringify(failure)))).toEqual({
      kind: 'response',
      frame: {
        jsonrpc: '2.0',
        id: 'r1',
        error: {
          code: -32011,
          message: 'La consulta tardó demasiado',
          data: { code: 'QUERY_TIMEOUT' },
        },
      },
    });
  });
});
