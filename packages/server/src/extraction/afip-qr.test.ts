import { describe, expect, it } from 'vitest';
import { parseAfipQr } from './afip-qr.ts';

const url = (json: string, host = 'https://www.afip.gob.ar/fe/qr/') =>
  `${host}?p=${Buffer.from(json, 'utf8').toString('base64')}`;

/** AFIP's own example (specification page), with spaces after separators. */
const specExample =
  '{"ver": 1, "fecha": "2020-10-13", "cuit": 30000000007, "ptoVta": 10, "tipoCmp": 1, "nroCmp": 94, "importe": 12100.0, "moneda": "DOL", "ctz": 65.0, "tipoDocRec": 80, "nroDocRec": 20000000001, "tipoCodAut": "E", "codAut": 70417054367476}';

describe('parseAfipQr', () => {
  it('reads the specification example', () => {
    expect(parseAfipQr(url(specExample))).toEqual({
      status: 'ok',
      data: {
        fecha: '2020-10-13',
        cuit: '30000000007',
        ptoVta: 10,
        tipoCmp: 1,
        nroCmp: 94,
        importe: '12100.00',
        moneda: 'DOL',
        ctz: '65.00',
        tipoDocRec: 80,
        nroDocRec: '20000000001',
        tipoCodAut: 'E',
        codAut: '70417054367476',
      },
    });
  });

  it('does not depend on key order, the ARCA host, base64url, missing padding or line breaks', () => {
    const reordered = JSON.stringify(
      Object.fromEntries(Object.entries(JSON.parse(specExample) as object).reverse()),
    );
    const encoded = Buffer.from(reordered).toString('base64url').replace(/=+$/, '');
    const broken = `${encoded.slice(0, 40)}\r\n${encoded.slice(40)}`;
    const qr = parseAfipQr(`https://www.arca.gob.ar/fe/qr/?p=${encodeURIComponent(broken)}`);
    expect(qr?.status).toBe('ok');
    expect(qr?.data).toMatchObject({ cuit: '30000000007', nroCmp: 94, importe: '12100.00' });
  });

  it('reads zero-padded strings, with implied decimals in the amount', () => {
    const qr = parseAfipQr(
      url(
        '{"ver":1,"fecha":"2023-01-05","cuit":"27285051466","ptoVta":"00003","tipoCmp":"011","nroCmp":"00000249","importe":"000000000000100","moneda":"PES","ctz":"0000000000001000000","tipoCodAut":"E","codAut":"75402284060818"}',
      ),
    );
    expect(qr?.data).toMatchObject({
      cuit: '27285051466',
      ptoVta: 3,
      tipoCmp: 11,
      nroCmp: 249,
      importe: '1.00',
      importeAmbiguous: { impliedDecimals: '1.00', integer: '100.00' },
      ctz: '1.00',
    });
  });

  it('reads a truncated, invalid payload leniently and calls it malformed', () => {
    const qr = parseAfipQr(
      url(
        '{"ver":1,"fecha":"14/02/2023","cuit":30517583231,"ptoVta":5,"tipoCmp":01,"nroCmp":11643,"importe":77300.00,"moneda":"PES","ctz":1,"tipoDocRec":80,"nroDocRec":30500017',
      ),
    );
    expect(qr).toEqual({
      status: 'malformed',
      data: expect.objectContaining({
        fecha: '2023-02-14',
        cuit: '30517583231',
        tipoCmp: 1,
        nroCmp: 11643,
        importe: '77300.00',
      }) as unknown,
    });
    expect(qr?.data.codAut).toBeUndefined();
  });

  it('calls a QR without a CAE malformed', () => {
    const qr = parseAfipQr(
      url(
        '{"ver":1,"fecha":"2026-02-02","cuit":20123456787,"ptoVta":1,"tipoCmp":11,"nroCmp":100000002,"importe":5500,"moneda":"PES","ctz":1,"tipoDocRec":99,"nroDocRec":0,"tipoCodAut":"A","codAut":null}',
      ),
    );
    expect(qr?.status).toBe('malformed');
  });

  it.each([
    'https://example.com/?p=eyJ9',
    'hola',
    'https://www.afip.gob.ar/fe/qr/?p=%%%',
    url('no json'),
  ])('ignores %j', (text) => {
    expect(parseAfipQr(text)).toBeNull();
  });
});
