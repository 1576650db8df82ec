// After a restart: agent states come back from their snapshots. Calls do not survive a restart, so an
// agent left ringing or on a call is moved on as if that call had ended (ringing → ready, on a call →
// wrap-up); timers need no re-arming because the tick compares deadlines with the clock.
import type { TelephonyRuntime } from './runtime.ts';

export async function restoreAgents(rt: TelephonyRuntime, snapshots: Map<string, unknown>): Promise<void> {
  for (const [agentId, raw] of snapshots) {
    const state = rt.restoreSnapshot(agentId, raw);
    if (!state) continue;
    rt.agents.set(agentId, state);
    rt.indexAgent(agentId, state);
    const s = state.status;
    const orphan = s.kind === 'ringing' ? s.offer.callId : s.kind === 'onCall' ? s.callId : null;
    if (orphan && !rt.calls.has(orphan))
      await rt.run(() => rt.ops.applyAgent(agentId, { type: 'callEnded', callId: orphan, now: rt.now() }));
  }
}
