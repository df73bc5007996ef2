import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.ts';

describe('redactUrl', () => {
  it('replaces key values in the query, whatever their case and position', () => {
    expect(redactUrl('/ws?tenantId=t1&apiKey=ck_secret&x=1')).toBe(
      '/ws?tenantId=t1&apiKey=[redacted]&x=1',
    );
    expect(redactUrl('/a?APIKEY=ck_s#frag')).toBe('/a?APIKEY=[redacted]#frag');
    expect(redactUrl('/a?token=ct_s&key=ck_s')).toBe('/a?token=[redacted]&key=[redacted]');
  });

  it('leaves URLs without secrets alone', () => {
    expect(redactUrl('/api/validaciones/1?wait=25')).toBe('/api/validaciones/1?wait=25');
  });
});
