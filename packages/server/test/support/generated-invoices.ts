/**
 * Invoices generated for the tests (never the real sample files, which hold personal data):
 * PDFs in several Argentine layouts with an AFIP QR, drawn with pdf-lib, and photos drawn
 * with @napi-rs/canvas. Each layout carries quirks seen in real invoices.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

export interface InvoiceSpec {
  cuit: string;
  receptorCuit: string;
  razonSocial: string;
  tipoCmp: number;
  letra: string;
  puntoVenta: number;
  numero: number;
  /** yyyy-mm-dd */
  fecha: string;
  /** Canonical amount, "178000.00". */
  importe: string;
  cae: string;
}

export const baseInvoice: InvoiceSpec = {
  cuit: '20130465685',
  receptorCuit: '30500017704',
  razonSocial: 'TALLER DEL SUR SRL',
  tipoCmp: 1,
  letra: 'A',
  puntoVenta: 3,
  numero: 3668,
  fecha: '2026-02-14',
  importe: '144615.00',
  cae: '73075542026320',
};

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const spacedShortDate = (iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return `${day} / ${month} / ${year.slice(2)}`;
};
const dashedCuit = (cuit: string) => `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`;
const grouped = (integer: string, separator: string) =>
  integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
const [intOf, decOf] = [(a: string) => a.split('.')[0] ?? '', (a: string) => a.split('.')[1] ?? ''];
/** "178000,00" (AFIP's own layout), "1.234,56" (es-AR), "77,300.00" (US, seen on real ones). */
export const amountForms = {
  afip: (a: string) => `${intOf(a)},${decOf(a)}`,
  esAr: (a: string) => `${grouped(intOf(a), '.')},${decOf(a)}`,
  us: (a: string) => `${grouped(intOf(a), ',')}.${decOf(a)}`,
};

/** The QR's JSON as AFIP specifies it. */
export function qrPayload(spec: InvoiceSpec): Record<string, unknown> {
  return {
    ver: 1,
    fecha: spec.fecha,
    cuit: Number(spec.cuit),
    ptoVta: spec.puntoVenta,
    tipoCmp: spec.tipoCmp,
    nroCmp: spec.numero,
    importe: Number(spec.importe),
    moneda: 'PES',
    ctz: 1,
    tipoDocRec: 80,
    nroDocRec: Number(spec.receptorCuit),
    tipoCodAut: 'E',
    codAut: Number(spec.cae),
  };
}

export function qrUrl(json: string, host = 'https://www.afip.gob.ar/fe/qr/'): string {
  return `${host}?p=${Buffer.from(json, 'utf8').toString('base64')}`;
}

/** The broken QR of a real invoice: dd/mm/yyyy, `"tipoCmp":01` (invalid JSON), truncated, ARCA host. */
export function brokenQrUrl(spec: InvoiceSpec): string {
  const json =
    `{"ver":1,"fecha":"${dmy(spec.fecha)}","cuit":${spec.cuit},"ptoVta":${spec.puntoVenta},` +
    `"tipoCmp":${pad(spec.tipoCmp, 2)},"nroCmp":${spec.numero},"importe":${spec.importe},` +
    `"moneda":"PES","ctz":1,"tipoDocRec":80,"nroDocRec":3050001`;
  return qrUrl(json, 'https://www.arca.gob.ar/fe/qr/');
}

export const qrPng = (url: string, width = 300): Promise<Buffer> =>
  QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });

type Write = (x: number, y: number, text: string, size?: number) => void;
const writer =
  (page: PDFPage, font: PDFFont): Write =>
  (x, y, text, size = 9) =>
    page.drawText(text, { x, y, size, font });

interface Layout {
  pages: (spec: InvoiceSpec) => ((write: Write, copy: string) => void)[];
  copies: string[];
  qrAt: { x: number; y: number; size: number };
}

/** AFIP "Comprobantes en línea": ORIGINAL/DUPLICADO/TRIPLICADO copies, labels apart from values. */
const afipLayout: Layout = {
  copies: ['ORIGINAL', 'DUPLICADO', 'TRIPLICADO'],
  qrAt: { x: 40, y: 40, size: 90 },
  pages: (s) => [
    (w, copy) => {
      w(270, 800, copy, 12);
      w(40, 770, s.razonSocial, 12);
      w(292, 770, s.letra, 22);
      w(330, 770, 'FACTURA', 14);
      w(282, 752, `COD. ${pad(s.tipoCmp, 3)}`, 8);
      w(330, 730, 'Punto de Venta:');
      w(400, 730, pad(s.puntoVenta, 5));
      w(450, 730, 'Comp. Nro:');
      w(500, 730, pad(s.numero, 8));
      w(40, 710, `Razón Social: ${s.razonSocial}`);
      w(330, 710, 'Fecha de Emisión:');
      w(420, 710, dmy(s.fecha));
      w(330, 695, `CUIT: ${s.cuit}`);
      w(330, 680, 'Fecha de Inicio de Actividades: 01/03/2010');
      w(40, 640, `CUIT: ${s.receptorCuit}`);
      w(200, 640, 'Apellido y Nombre / Razón Social: CLIENTE EJEMPLO SA');
      w(40, 560, 'Subtotal: $');
      w(450, 560, amountForms.afip(s.importe));
      w(40, 545, 'Importe Otros Tributos: $');
      w(450, 545, '0,00');
      w(40, 530, 'Importe Total: $');
      w(450, 530, amountForms.afip(s.importe));
      w(350, 120, `CAE N°: ${s.cae}`);
      w(350, 105, 'Fecha de Vto. de CAE: 28/02/2026');
    },
  ],
};

/**
 * A workshop's own layout: the receiver's box first (a naive "first CUIT" takes the receiver),
 * "NUMERO: 00003- 00003668", US amounts, an item table and a totals table whose values sit on
 * the line below their headers ("SUB" and "TOTAL" drawn apart, as real PDFs do).
 */
const workshopLayout: Layout = {
  copies: ['Original', 'Duplicado'],
  qrAt: { x: 450, y: 40, size: 100 },
  pages: (s) => [
    (w, copy) => {
      w(40, 800, 'Señor/es: CLIENTE EJEMPLO SA');
      w(40, 786, `C.U.I.T.: ${dashedCuit(s.receptorCuit)}`);
      w(40, 760, s.razonSocial, 12);
      w(40, 745, `CUIT: ${dashedCuit(s.cuit)}`);
      w(330, 760, s.letra, 20);
      w(360, 760, 'Factura', 12);
      w(330, 745, 'NUMERO:');
      w(380, 745, `${pad(s.puntoVenta, 5)}- ${pad(s.numero, 8)}`);
      w(330, 730, `CODIGO: ${pad(s.tipoCmp, 3)}`);
      w(430, 730, `FECHA: ${dmy(s.fecha)}`);
      w(40, 500, 'Cantidad');
      w(120, 500, 'Descripcion');
      w(330, 500, 'Precio');
      w(460, 500, 'Total');
      w(40, 485, '1.00');
      w(120, 485, 'MANO DE OBRA');
      w(330, 485, amountForms.us('100.00'));
      w(460, 485, amountForms.us('100.00'));
      w(40, 300, 'SUB');
      w(58, 300, 'TOTAL');
      w(200, 300, 'I.V.A.');
      w(460, 300, 'TOTAL');
      w(40, 285, amountForms.us('100.00'));
      w(200, 285, amountForms.us('21.00'));
      w(460, 285, amountForms.us(s.importe));
      w(40, 150, `C.A.E. Nro.: ${s.cae}`);
      w(40, 135, 'Fecha Vencimiento: 24/02/2026');
      w(40, 120, copy);
    },
  ],
};

/** A Factura de Crédito Electrónica: "CÓD. 201", a spaced two-digit-year date, total on page 2. */
const fceLayout: Layout = {
  copies: ['ORIGINAL'],
  qrAt: { x: 40, y: 40, size: 90 },
  pages: (s) => [
    (w) => {
      w(40, 770, s.razonSocial, 12);
      w(292, 770, s.letra, 22);
      w(330, 770, 'FACTURA DE CREDITO ELECTRONICA MiPyMEs (FCE)', 10);
      w(282, 752, `CÓD. ${pad(s.tipoCmp, 3)}`, 8);
      w(330, 730, `Punto de Venta: ${pad(s.puntoVenta, 5)}`);
      w(450, 730, `Comp. Nro: ${pad(s.numero, 8)}`);
      w(40, 710, `Razón Social: ${s.razonSocial}`);
      w(330, 710, 'FECHA');
      w(400, 710, spacedShortDate(s.fecha));
      w(330, 695, `CUIT: ${s.cuit}`);
      w(40, 640, `CUIT: ${s.receptorCuit}`);
      w(200, 640, 'Apellido y Nombre / Razón Social: CLIENTE EJEMPLO SA');
      w(40, 200, 'Subtotal:');
      w(450, 200, amountForms.afip(s.importe));
      w(40, 150, 'Pág. 1/2');
    },
    (w) => {
      w(40, 700, 'Importe Total: $');
      w(450, 700, amountForms.esAr(s.importe));
      w(350, 120, `CAE N°: ${s.cae}`);
      w(40, 150, 'Pág. 2/2');
    },
  ],
};

export const layouts = { afip: afipLayout, workshop: workshopLayout, fce: fceLayout } as const;
export type LayoutName = keyof typeof layouts;

/** A PDF invoice in `layout`; `qr` is the QR's text (omit for none). */
export async function invoicePdf(
  layoutName: LayoutName,
  spec: InvoiceSpec,
  qr?: string,
): Promise<Uint8Array> {
  const layout = layouts[layoutName];
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const image: PDFImage | null = qr === undefined ? null : await pdf.embedPng(await qrPng(qr));
  for (const copy of layout.copies) {
    layout.pages(spec).forEach((drawPage, index) => {
      const page = pdf.addPage([595, 842]);
      drawPage(writer(page, font), copy);
      if (image && index === 0) {
        const { x, y, size } = layout.qrAt;
        page.drawImage(image, { x, y, width: size, height: size });
      }
    });
  }
  return pdf.save();
}

/**
 * The traits of the negative samples: a CUIT that fails its check digit, "CAE NRO: null",
 * two totals that disagree ("Total 2000" and "Importe Total: $ 3170"), ISO date printed.
 */
export async function negativeInvoicePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const w = writer(pdf.addPage([595, 842]), font);
  w(40, 800, 'Factura C (Cód. 011)', 12);
  w(40, 780, 'Emisor : fasctock');
  w(300, 780, 'Punto de Venta: 1 - Nro. 00000002');
  w(300, 765, 'Fecha Emisión: 2026-02-02');
  w(40, 765, 'CUIT: 20-12345678-7');
  w(40, 500, 'Total 2000');
  w(40, 480, 'Importe Total: $   3170');
  w(40, 200, 'CAE NRO: null');
  return pdf.save();
}

/** A text-less photo of an invoice: the QR small, rotated 90°, on a grey noisy sheet (JPEG). */
export async function invoicePhoto(qr: string): Promise<Buffer> {
  const canvas = createCanvas(1600, 2200);
  const context = canvas.getContext('2d');
  context.fillStyle = '#d8d8d0';
  context.fillRect(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < 4000; i++) {
    context.fillStyle = i % 2 ? '#c0c0b8' : '#e8e8e0';
    context.fillRect((i * 7919) % 1600, (i * 104729) % 2200, 3, 3);
  }
  const image = await loadImage(await qrPng(qr, 220));
  context.save();
  context.translate(250, 1750);
  context.rotate(Math.PI / 2);
  context.drawImage(image, 0, 0, 220, 220);
  context.restore();
  return canvas.encode('jpeg', 80);
}
