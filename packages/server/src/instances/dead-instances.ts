import { closeSessions } from '../agents/agent-sessions.ts';
import type { Db } from '../db/db.ts';
import { requeue, type RequeuedRequest } from '../queue/requeue.ts';
import type { InstanceLiveness } from './instance-liveness.ts';
import { markInstancesStopped } from './server-instance.ts';

export interface CleanedInstance {
  instanceId: string;
  sessions: number;
  requeued: RequeuedRequest[];
}

/** Close code recorded for sessions whose server instance died (no close frame was sent). */
export const abnormalClosure = 1006;

/**
 * Closes the sessions of instances that died without shutting down, returns their requests to
 * the queue (not counted against the sync-client) and marks the instances stopped.
 */
export async function cleanDeadInstances(
  db: Db,
  liveness: InstanceLiveness,
  selfId: string,
  maxAttempts: number,
): Promise<CleanedInstance[]> {
  const dead = await liveness.deadInstances(db, selfId);
  const cleaned: CleanedInstance[] = [];
  for (const instanceId of dead) {
    const sessions = await db.query<{ id: string }>(
      `select id from agent_sessions where instance_id = $1::uuid and disconnected_at is null`,
      [instanceId],
    );
    const sessionIds = sessions.map((session) => session.id);
    const requeued = await requeue(db, { sessionIds }, 'instanceDied', maxAttempts);
    await closeSessions(db, sessionIds, {
      code: abnormalClosure,
      reason: 'La instancia del servidor se cayó',
    });
    await markInstancesStopped(db, [instanceId]);
    cleaned.push({ instanceId, sessions: sessionIds.length, requeued });
  }
  return cleaned;
}
