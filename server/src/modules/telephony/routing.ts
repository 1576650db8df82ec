// One ACD pass over every queued caller: offers (agents first, then the call), overflows, and
// position / estimated-wait announcements. Runs after any change and on every tick (relaxation,
// max wait and announcements are time-based; `now` is passed to core).
import type { WaitingCaller } from '../../core/acd/acd-types.ts';
import { averageHandleTimeMs } from '../../core/acd/announcements.ts';
import { route } from '../../core/acd/route.ts';
import { announce } from './announce.ts';
import type { TelephonyRuntime } from './runtime.ts';

function waitingCallers(rt: TelephonyRuntime): WaitingCaller[] {
  const out: WaitingCaller[] = [];
  for (const c of rt.calls.values()) {
    const s = c.state.status;
    // Not offered before its pop is known (a lookup takes milliseconds; see inbound.ts lookupPop).
    if (s.kind !== 'queued' || c.popPending) continue;
    out.push({
      callId: c.id,
      queueId: s.queueId,
      priority: s.priority,
      waitingSince: c.state.waitingSince ?? s.queuedAt,
      queuedAt: s.queuedAt,
      lastAnnouncedAt: c.lastAnnouncedAt,
    });
  }
  return out;
}

export async function runRoutePass(rt: TelephonyRuntime): Promise<void> {
  const callers = waitingCallers(rt);
  if (!callers.length) return;
  const now = rt.now();
  const ahtMs: Record<string, number> = {};
  for (const [q, w] of rt.handleTimes) {
    const v = averageHandleTimeMs(w);
    if (v !== undefined) ahtMs[q] = v;
  }
  const result = route({ index: rt.index, callers, cursors: rt.cursors, ahtMs }, now);
  rt.cursors = result.cursors;
  for (const d of result.decisions) {
    const call = rt.calls.get(d.callId);
    if (!call || call.state.status.kind !== 'queued') continue;
    if (d.kind === 'overflow') {
      rt.log.info({ callId: d.callId, queueId: d.queueId, reason: d.reason }, 'telephony: overflow');
      await rt.ops.applyCall(call, { type: 'overflow', target: d.target, now });
      continue;
    }
    const taken: string[] = [];
    for (const agentId of d.agentIds) {
      const step = await rt.ops.applyAgent(agentId, {
        type: 'offer',
        callId: d.callId,
        queueId: d.queueId,
        ringTimeoutMs: d.ringTimeoutMs,
        wrapUpMs: d.wrapUpMs,
        now,
      });
      if (step.ok) taken.push(agentId);
    }
    if (taken.length) await rt.ops.applyCall(call, { type: 'offer', agentIds: taken, now });
  }
  for (const a of result.announcements) {
    const call = rt.calls.get(a.callId);
    if (call && call.state.status.kind === 'queued' && !call.playbackId)
      await announce(rt, call, a.position, a.estimatedWaitMs);
  }
}
