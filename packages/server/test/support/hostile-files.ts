/** Broken and hostile uploads, generated: each must end as ERROR_EXTRACCION, the server unharmed. */
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A valid PDF with an incremental update whose trailer adds a Standard /Encrypt dictionary. */
export async function encryptedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Factura A 0001-00000001', { x: 40, y: 800, size: 12, font });
  const base = Buffer.from(await pdf.save({ useObjectStreams: false }));
  const startXref = Number(/startxref\s+(\d+)/.exec(base.toString('latin1'))?.[1]);
  const size = Number(/\/Size (\d+)/.exec(base.toString('latin1'))?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(base.toString('latin1'))?.[1];
  const encryptOffset = base.length;
  const hex = (byte: string) => `<${byte.repeat(32)}>`;
  const encrypt = `${size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O ${hex('1a')} /U ${hex('2b')} /P -4 >>\nendobj\n`;
  const xrefOffset = encryptOffset + encrypt.length;
  const xref =
    `xref\n${size} 1\n${String(encryptOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Prev ${startXref} /Encrypt ${size} 0 R ` +
    `/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([base, Buffer.from(encrypt + xref, 'latin1')]);
}

/** Starts like a PDF, then garbage. */
export const malformedPdf = () =>
  Buffer.from(
    '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n\u0000\u00ff garbage',
    'latin1',
  );

/**
 * A one-page PDF whose content stream inflates from about a megabyte to `megabytes` MB of
 * text-showing operators: reading its text builds tens of millions of text items.
 */
export function compressionBombPdf(megabytes = 400): Buffer {
  const operator = Buffer.from('BT (AAAA) Tj ET\n', 'latin1');
  const inflated = Buffer.alloc(megabytes * 1024 * 1024);
  for (let offset = 0; offset < inflated.length; offset += operator.length)
    operator.copy(inflated, offset);
  const stream = deflateSync(inflated, { level: 9 });
  const parts: (string | Buffer)[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: string | Buffer) => {
    parts.push(part);
    length += typeof part === 'string' ? Buffer.byteLength(part, 'latin1') : part.length;
  };
  push('%PDF-1.7\n');
  const object = (id: number, body: string | Buffer[]) => {
    offsets[id] = length;
    if (typeof body === 'string') push(`${id} 0 obj\n${body}\nendobj\n`);
    else {
      push(`${id} 0 obj\n`);
      for (const piece of body) push(piece);
      push('\nendobj\n');
    }
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>');
  object(4, [
    Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    stream,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  const xrefAt = length;
  push(
    `xref\n0 5\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}`,
  );
  push(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)),
  );
}

/** A PNG whose header declares 40000 × 40000 pixels (1.6 gigapixels) over a few bytes. */
export function pixelBombPng(): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(40_000, 8);
  ihdr.writeUInt32BE(40_000, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([signature, ihdr, deflateSync(Buffer.alloc(1024))]);
}
