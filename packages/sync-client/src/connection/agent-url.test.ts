import { describe, expect, it } from 'vitest';
import { agentHttpUrl, agentSocketUrl } from './agent-url.ts';

describe('agentSocketUrl', () => {
  it.each([
    ['http://127.0.0.1:3000', 'ws://127.0.0.1:3000/api/agent/ws'],
    ['https://cotejo.example/', 'wss://cotejo.example/api/agent/ws'],
    ['https://example.com/cotejo/?x=1', 'wss://example.com/cotejo/api/agent/ws'],
  ])('%s → %s', (server, expected) => {
    expect(agentSocketUrl(server)).toBe(expected);
  });
});

describe('agentHttpUrl', () => {
  it.each([
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000/api/agent/requests'],
    ['wss://cotejo.example/base/', 'https://cotejo.example/base/api/agent/requests'],
  ])('%s → %s', (server, expected) => {
    expect(agentHttpUrl(server, '/api/agent/requests')).toBe(expected);
  });
});
