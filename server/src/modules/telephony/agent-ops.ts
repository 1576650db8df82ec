// Applies events to the agent state machines and carries out their commands: the ACD index is
// updated, the snapshot persisted (states survive a reload and a restart), the console told, and a
// ring-no-answer or declined offer handed back to the call so the ACD offers it to the next agent.
import { eq, sql } from 'drizzle-orm';
import { toAgentSnapshot } from '../../core/agent/agent-snapshot.ts';
import { reduceAgent } from '../../core/agent/agent-machine.ts';
import type { AgentCommand, AgentEvent, AgentStep } from '../../core/agent/agent-types.ts';
import { agentProfiles } from '../../db/schema/telephony.ts';
import { recordAgentTransition } from '../reports/agent-history-recorder.ts';
import { generateSipPassword } from './sip-password.ts';
import { callOfferFailed } from './offer-failed.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { toAgentStatePayload } from './state-payload.ts';

export async function applyAgent(
  rt: TelephonyRuntime,
  agentId: string,
  event: AgentEvent,
): Promise<AgentStep> {
  const before = rt.agentState(agentId);
  const step = reduceAgent(before, event, { pauseReasons: rt.pauseCodes.length ? rt.pauseCodes : undefined });
  if (!step.ok) return step;
  rt.agents.set(agentId, step.state);
  recordAgentTransition(rt, before, step);
  if (step.transition || step.state.pendingPause !== before.pendingPause) {
    rt.indexAgent(agentId, step.state);
    // Observers (the wallboard) hear of it before the snapshot write: they need not wait for the database.
    rt.events.emit({ kind: 'agentState', agentId, state: step.state, at: rt.now() });
    persistAgent(rt, agentId);
    rt.deps.io.to(`user:${agentId}`).emit('agent:state', toAgentStatePayload(step.state));
    rt.wantRoute();
  }
  for (const c of step.commands) await runAgentCommand(rt, agentId, c);
  return step;
}

async function runAgentCommand(rt: TelephonyRuntime, agentId: string, c: AgentCommand): Promise<void> {
  // Timers are not armed one by one: the tick feeds the current time to every working agent.
  if (c.type === 'reofferCall') {
    await callOfferFailed(rt, c.callId, agentId, c.reason === 'rona' ? 'rona' : 'declined');
  }
}

/** Time passing for agents with a deadline (ring timeout, wrap-up end). */
export async function tickAgents(rt: TelephonyRuntime): Promise<void> {
  const now = rt.now();
  for (const [id, s] of rt.agents) {
    const due =
      (s.status.kind === 'ringing' && now >= s.status.offer.ringTimeoutAt) ||
      (s.status.kind === 'wrapUp' && now >= s.status.until);
    if (due) await applyAgent(rt, id, { type: 'tick', now });
  }
}

/** The agent's state survives a restart: written behind the call path, only the latest per agent. */
export function persistAgent(rt: TelephonyRuntime, agentId: string): void {
  const snapshot = toAgentSnapshot(rt.agentState(agentId));
  rt.writes.enqueue(
    `agent ${agentId} snapshot`,
    () =>
      rt.deps.db
        .insert(agentProfiles)
        .values({ userId: agentId, sipPassword: generateSipPassword(), stateSnapshot: snapshot })
        .onConflictDoUpdate({
          target: agentProfiles.userId,
          set: { stateSnapshot: snapshot, updatedAt: sql`now()` },
        }),
    `agent:${agentId}`,
  );
}

export async function forgetAgentSnapshot(rt: TelephonyRuntime, agentId: string): Promise<void> {
  await rt.deps.db
    .update(agentProfiles)
    .set({ stateSnapshot: null })
    .where(eq(agentProfiles.userId, agentId));
}
