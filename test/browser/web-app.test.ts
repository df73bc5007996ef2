/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core) against the app
 * as `npm start` starts it: log in, upload invoices and watch their verdicts arrive without a
 * reload, lose and regain the sync-client, create and revoke a key. A screenshot of every page
 * goes to test-artifacts/browser/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startTs, type LoggedProcess } from '../../scripts/lib/logged-process.ts';
import { startSyncClient } from '../../scripts/lib/stack.ts';
import { launchChromium } from './support/chromium.ts';
import { erpInvoices, invoiceFile } from './support/erp-invoices.ts';

interface DemoFile {
  url: string;
  agentKey: string;
  user: { email: string; password: string };
}

const artifacts = join(repoRoot, 'test-artifacts', 'browser');
/** Waits on the page: verdicts arrive in about a second; the offline upload waits SYNC_WAIT_MS. */
const uiTimeout = 20_000;

describe('the web app in Chromium, on the demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-browser-'));
  let demoProcess: LoggedProcess;
  let demo: DemoFile;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const syncClients: LoggedProcess[] = [];
  const [okInvoice, differingInvoice, offlineInvoice] = [0, 1, 2];

  const screenshot = (name: string) =>
    page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name });
  const uploadRow = (fileName: string): Locator => page.locator(`li[data-file="${fileName}"]`);
  /** Set before the uploads; still there at the end means the page never reloaded. */
  const markPage = () => page.evaluate('window.cotejoSinRecarga = true');
  const pageWasNotReloaded = () => page.evaluate('window.cotejoSinRecarga === true');

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    demoProcess = startTs('scripts/demo.ts', [], {
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    await demoProcess.waitForText(/Cotejo está listo/, 150_000);
    demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoFile;
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    page.setDefaultTimeout(uiTimeout);
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await Promise.all(syncClients.map((client) => client.stop()));
    await demoProcess?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the demo login and refuses a wrong password', async () => {
    expect(demoProcess.output.join('\n')).toContain(
      `usuario ${demo.user.email}, contraseña ${demo.user.password}`,
    );
    await page.goto(`${demo.url}/documentos`);
    await page.getByRole('heading', { name: 'Cotejo' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ingresar');
    await screenshot('01-ingresar');
    await page.getByLabel('Email').fill(demo.user.email);
    await page.getByLabel('Contraseña').fill('no-es-la-clave');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Email o contraseña incorrectos/);
  });

  it('logs in and lands where it was going', async () => {
    await page.getByLabel('Contraseña').fill(demo.user.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Documentos', level: 1 }).waitFor();
    await page.getByText('En vivo').waitFor();
    await screenshot('02-documentos-vacio');
  });

  it('uploads an invoice of the ERP and shows its verdict live', async () => {
    const [spec] = erpInvoices(join(dataDir, 'demo-erp.sqlite'), 3).slice(okInvoice);
    await nav('Subir facturas').click();
    await page.getByRole('heading', { name: 'Subir facturas' }).waitFor();
    await markPage();
    await page
      .getByLabel('Elegir archivos')
      .setInputFiles(await invoiceFile('factura-ok.pdf', spec!));
    const row = uploadRow('factura-ok.pdf');
    await row.getByText('Factura encontrada en sistema local').waitFor();
    await row.getByText('Importes coinciden').waitFor();
    await row.getByText('Validada').waitFor();
    expect(await pageWasNotReloaded()).toBe(true);
    await screenshot('03-subir-validada');
  });

  it('highlights the amount when it differs from the ERP', async () => {
    const spec = erpInvoices(join(dataDir, 'demo-erp.sqlite'), 3)[differingInvoice]!;
    const printed = { ...spec, importe: (Number(spec.importe) + 10).toFixed(2) };
    await page
      .getByLabel('Elegir archivos')
      .setInputFiles(await invoiceFile('factura-diferente.pdf', printed));
    const row = uploadRow('factura-diferente.pdf');
    await row.getByText('Importes NO coinciden').waitFor();
    await row.getByText('Con diferencias').waitFor();
    await row.getByRole('link', { name: /Ver el detalle/ }).click();
    const amount = page.locator('tr[data-field="importe"]');
    await amount.waitFor();
    expect(await amount.getAttribute('data-differs')).toBe('true');
    expect(await amount.textContent()).toContain('Difiere');
    await page.getByText('Tiempo de validación').waitFor();
    await screenshot('04-detalle-diferencias');
  });

  it('lists the documents with their status badges', async () => {
    await nav('Documentos').click();
    await page.getByRole('table', { name: 'Documentos subidos' }).waitFor();
    await page.getByRole('cell', { name: 'Validada' }).waitFor();
    await page.getByRole('cell', { name: 'Con diferencias' }).waitFor();
    await screenshot('05-documentos');
    await page.getByLabel('Estado').selectOption('DIFERENCIAS');
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Documentos subidos' }).locator('tbody tr').count(),
      )
      .toBe(1);
  });

  it('shows the sync-client offline, and an upload then stays Pendiente', async () => {
    await nav('Sync-clients').click();
    await page.getByText('1 sync-client conectado').waitFor();
    await screenshot('06-sync-clients-conectado');
    const pid = Number(readFileSync(join(dataDir, 'sync-client.pid'), 'utf8'));
    process.kill(pid, 'SIGTERM');
    await page.getByText('Sin conexión: ningún sync-client conectado').waitFor();
    await screenshot('07-sync-clients-sin-conexion');

    const spec = erpInvoices(join(dataDir, 'demo-erp.sqlite'), 3)[offlineInvoice]!;
    await nav('Subir facturas').click();
    await markPage();
    await page
      .getByLabel('Elegir archivos')
      .setInputFiles(await invoiceFile('factura-sin-conexion.pdf', spec));
    const row = uploadRow('factura-sin-conexion.pdf');
    await row.getByText('Pendiente').waitFor();
    await row.getByText('Validando con el sistema local…').waitFor();
    await screenshot('08-subir-pendiente');
  });

  it('turns the pending document validated, live, when the sync-client is back', async () => {
    syncClients.push(await startSyncClient(join(dataDir, 'sync-client.yaml'), demo.agentKey));
    const row = uploadRow('factura-sin-conexion.pdf');
    await row.getByText('Validada').waitFor();
    await row.getByText('Factura encontrada en sistema local').waitFor();
    await row.getByText('Importes coinciden').waitFor();
    expect(await pageWasNotReloaded()).toBe(true);
    await screenshot('09-subir-validada-al-reconectar');
  });

  it('creates a key shown once, and revoking it disconnects its sync-client', async () => {
    await nav('Sync-clients').click();
    await page.getByText('1 sync-client conectado').waitFor();
    await page.getByRole('button', { name: 'Crear clave' }).click();
    const secret = await page.getByLabel(/Clave del sync-client/).inputValue();
    expect(secret).toMatch(/^ck_[\w-]{43}$/);
    await screenshot('10-clave-creada');

    syncClients.push(await startSyncClient(join(dataDir, 'sync-client.yaml'), secret));
    await page.getByText('2 sync-clients conectados').waitFor();
    await page.getByRole('button', { name: 'Listo, ya la guardé' }).click();
    expect(await page.getByText(secret).count()).toBe(0);

    const keyId = (await page.locator('tr[data-key]').first().getAttribute('data-key')) ?? '';
    const keyRow = page.locator(`tr[data-key="${keyId}"]`);
    await keyRow.getByText('Vigente, en uso').waitFor();
    await page.getByRole('button', { name: `Revocar la clave ${keyId}` }).click();
    await page.getByRole('button', { name: `Confirmar revocación de la clave ${keyId}` }).click();
    await keyRow.getByText(/^Revocada el /).waitFor();
    await page.getByText('1 sync-client conectado').waitFor();
    await screenshot('11-clave-revocada');
  });

  it('shows the metrics dashboard', async () => {
    await nav('Métricas').click();
    await page.getByRole('heading', { name: 'Validaciones por día y estado' }).waitFor();
    await page.getByRole('img', { name: /Validaciones por día/ }).waitFor();
    await page.getByRole('img', { name: /Mediana \(p50\)/ }).waitFor();
    await page.getByText('Respondidas en menos de 1 s').waitFor();
    await screenshot('12-metricas');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await nav('Documentos').click();
    await page.getByRole('table', { name: 'Documentos subidos' }).waitFor();
    await screenshot('13-documentos-telefono');
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
