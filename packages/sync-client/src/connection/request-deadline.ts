import { AppError, lookupDeadlineSchema, rpcFailure, rpcIdSchema } from '@cotejo/protocol';
import type { LookupRunner } from '../lookup/lookup-runner.ts';
import { answerFrame, type Answer } from './answer-request.ts';

/** The deadline the server sent with an `invoice.lookup`, in ms from now; undefined if none. */
export function readDeadline(
  text: string,
): { id: string | number; deadlineMs: number } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, method, params } = value as { id?: unknown; method?: unknown; params?: unknown };
  const parsedId = rpcIdSchema.safeParse(id);
  const deadline = lookupDeadlineSchema.safeParse(params);
  if (method !== 'invoice.lookup' || !parsedId.success || !deadline.success) return undefined;
  return { id: parsedId.data, deadlineMs: deadline.data.deadlineMs };
}

function skipped(id: string | number, deadlineMs: number): Answer {
  const error = new AppError(
    'DEADLINE_EXCEEDED',
    `El pedido no se ejecutó: su plazo de ${deadlineMs} ms venció antes de que hubiera lugar para la búsqueda.`,
  );
  return {
    response: rpcFailure(id, error),
    id,
    method: 'invoice.lookup',
    outcome: error.code,
    message: error.message,
  };
}

/**
 * Answers one frame from the server, honouring the request's deadline: a lookup still waiting
 * for a slot (or still running) when its deadline passes is abandoned and answered
 * `DEADLINE_EXCEEDED`, which the server takes as "not run" and redelivers. A result ready after
 * the deadline is still sent: the server takes it if the request is open.
 */
export async function answerWithDeadline(
  text: string,
  runner: LookupRunner,
  signal: AbortSignal,
): Promise<Answer | null> {
  const deadline = readDeadline(text);
  if (deadline === undefined) return answerFrame(text, runner, signal);
  if (deadline.deadlineMs <= 0) return skipped(deadline.id, deadline.deadlineMs);
  const expired = AbortSignal.timeout(deadline.deadlineMs);
  const answer = await answerFrame(text, runner, AbortSignal.any([signal, expired]));
  if (expired.aborted && answer !== null && 'error' in answer.response) {
    return skipped(deadline.id, deadline.deadlineMs);
  }
  return answer;
}
