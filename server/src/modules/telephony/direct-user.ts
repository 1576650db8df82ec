// DID (or IVR option) → user: the call waits in that user's direct-line queue (core/acd/direct-line.ts),
// so the ACD offers it to the user's own phone with the usual screen pop, and the queue's overflow
// takes the caller to the user's voicemail when nobody answers.
import { putQueue } from '../../core/acd/agent-index.ts';
import { DIRECT_RING_SEC, directLineId, directLineQueue } from '../../core/acd/direct-line.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export async function ringUser(rt: TelephonyRuntime, call: LiveCall, userId: string): Promise<void> {
  const queueId = directLineId(userId);
  // Agents with a profile already have their line (config-store); a user without one gets it here.
  putQueue(rt.index, directLineQueue(userId, { ringSec: DIRECT_RING_SEC }));
  const cfg = rt.agentConfig(userId);
  if (cfg.queues[queueId] === undefined)
    rt.agentConfigs.set(userId, { ...cfg, queues: { ...cfg.queues, [queueId]: 0 } });
  rt.indexAgent(userId, rt.agentState(userId));
  await rt.ops.applyCall(call, { type: 'queue', queueId, priority: 0, now: rt.now() });
}
