/**
 * The optional LLM layer, for an OpenAI-compatible chat-completions endpoint (off unless
 * `LLM_EXTRACTOR_URL` is set). It runs after the local extraction and only fills the required
 * fields that extraction did not find, from the text layer (or, for a photo, the image);
 * it never overrides the QR or the printed text. Any failure of the endpoint leaves the local
 * result as it was.
 */
import { parseAmount, parseCuit, parseDate, amountFromNumber } from '@cotejo/protocol';
import { z } from 'zod';
import type { ExtractedFields, Extraction } from './extraction.ts';
import type { ExtractionInput, Extractor } from './extractor.ts';

export interface LlmEndpoint {
  /** Base URL, e.g. `http://127.0.0.1:8080/v1`; `/chat/completions` is appended. */
  url: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

const confidence = 0.6;
const maxImageBytes = 4 * 1024 * 1024;

const answerSchema = z.object({
  cuit: z.union([z.string(), z.number()]).nullish(),
  puntoVenta: z.union([z.string(), z.number()]).nullish(),
  numero: z.union([z.string(), z.number()]).nullish(),
  fecha: z.string().nullish(),
  importe: z.union([z.string(), z.number()]).nullish(),
  razonSocial: z.string().nullish(),
  cae: z.union([z.string(), z.number()]).nullish(),
});

const instructions = `Sos un extractor de datos de facturas argentinas (AFIP/ARCA). Respondé solo un objeto JSON con las claves
cuit (CUIT del EMISOR, 11 dígitos; no el del cliente o receptor), puntoVenta (entero), numero (entero), fecha (de emisión, AAAA-MM-DD),
importe (importe total, con punto decimal), razonSocial (del emisor) y cae (14 dígitos). Usá null para lo que no figure.`;

export function createLlmExtractor(deps: {
  base: Extractor;
  endpoint: LlmEndpoint;
  onError: (error: unknown) => void;
}): Extractor {
  const { base, endpoint } = deps;
  return {
    stop: () => base.stop(),
    async extract(input) {
      const outcome = await base.extract(input);
      if (!outcome.ok || !missingRequired(outcome.extraction.fields)) return outcome;
      try {
        const answer = await ask(endpoint, input, outcome.extraction);
        return { ...outcome, extraction: fill(outcome.extraction, answer) };
      } catch (error) {
        deps.onError(error);
        return outcome;
      }
    },
  };
}

function missingRequired(fields: ExtractedFields): boolean {
  return (['cuit', 'puntoVenta', 'numero', 'fecha', 'importe'] as const).some(
    (name) => !fields[name],
  );
}

async function ask(endpoint: LlmEndpoint, input: ExtractionInput, extraction: Extraction) {
  const content =
    extraction.text && extraction.text.trim() !== ''
      ? `Texto de la factura:\n${extraction.text}`
      : input.kind !== 'pdf' && input.bytes.length <= maxImageBytes
        ? [
            { type: 'text', text: 'Imagen de la factura:' },
            {
              type: 'image_url',
              image_url: {
                url: `data:image/${input.kind};base64,${Buffer.from(input.bytes).toString('base64')}`,
              },
            },
          ]
        : null;
  if (content === null) return {};
  const response = await fetch(`${endpoint.url.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(endpoint.apiKey && { authorization: `Bearer ${endpoint.apiKey}` }),
    },
    body: JSON.stringify({
      model: endpoint.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: instructions },
        { role: 'user', content },
      ],
    }),
    signal: AbortSignal.timeout(endpoint.timeoutMs),
  });
  if (!response.ok) throw new Error(`LLM endpoint answered HTTP ${response.status}`);
  const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
  const text = body.choices?.[0]?.message?.content;
  if (typeof text !== 'string') throw new Error('LLM endpoint answered without message content');
  const json: unknown = JSON.parse(
    text.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '').slice(0, 20_000),
  );
  return answerSchema.parse(json);
}

function fill(extraction: Extraction, answer: z.infer<typeof answerSchema>): Extraction {
  const fields: ExtractedFields = { ...extraction.fields };
  const llm = <T>(value: T | null | undefined) =>
    value === null || value === undefined
      ? undefined
      : { value, sources: ['llm' as const], confidence };
  const integer = (value: string | number | null | undefined) => {
    const number = Number(typeof value === 'string' ? value.replace(/\D/g, '') : value);
    return value !== null && value !== undefined && Number.isSafeInteger(number) && number > 0
      ? number
      : undefined;
  };
  const amount =
    typeof answer.importe === 'number'
      ? amountFromNumber(answer.importe)
      : answer.importe
        ? parseAmount(answer.importe)
        : null;
  const cae =
    answer.cae === null || answer.cae === undefined
      ? undefined
      : String(answer.cae).replace(/\D/g, '');
  fields.cuit ??= llm(
    answer.cuit === null || answer.cuit === undefined ? null : parseCuit(String(answer.cuit)),
  );
  fields.puntoVenta ??= llm(integer(answer.puntoVenta));
  fields.numero ??= llm(integer(answer.numero));
  fields.fecha ??= llm(answer.fecha ? parseDate(answer.fecha) : null);
  fields.importe ??= llm(amount);
  fields.razonSocial ??= llm(answer.razonSocial?.trim().slice(0, 200) || null);
  fields.cae ??= llm(cae || null);
  return {
    ...extraction,
    fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
}
