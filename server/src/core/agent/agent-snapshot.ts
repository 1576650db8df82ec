// Agent states survive a console reload (the console re-reads the server's state) and a server restart
// (the telephony role stores snapshots and restores them). Timers do not survive a restart, so
// resumeCommands re-arms them; a timer already overdue is fired by the first tick after restore.
import type { AgentCommand, AgentState, AgentStatus } from './agent-types.ts';

export const AGENT_SNAPSHOT_VERSION = 1;

export interface AgentSnapshot {
  v: typeof AGENT_SNAPSHOT_VERSION;
  state: AgentState;
}

export function toAgentSnapshot(state: AgentState): AgentSnapshot {
  // structuredClone keeps the snapshot independent of later (immutable, but still) references.
  return { v: AGENT_SNAPSHOT_VERSION, state: structuredClone(state) };
}

export type RestoreResult = { ok: true; state: AgentState } | { ok: false; error: string };

/** Validates untrusted JSON (a stored row, a Redis value) before it becomes machine state. */
export function fromAgentSnapshot(raw: unknown): RestoreResult {
  if (!isObject(raw) || raw.v !== AGENT_SNAPSHOT_VERSION) return { ok: false, error: 'unknown snapshot version' };
  const s = raw.state;
  if (!isObject(s) || typeof s.agentId !== 'string' || !s.agentId) return { ok: false, error: 'missing agentId' };
  if (!isNum(s.since) || !isNum(s.callsToday)) return { ok: false, error: 'missing since or callsToday' };
  if (!isNumOrNull(s.idleSince) || !isNumOrNull(s.lastCallEndedAt)) return { ok: false, error: 'bad idleSince or lastCallEndedAt' };
  if (!(s.pendingPause === null || typeof s.pendingPause === 'string')) return { ok: false, error: 'bad pendingPause' };
  if (!validStatus(s.status)) return { ok: false, error: 'bad status' };
  return { ok: true, state: structuredClone(s) as unknown as AgentState };
}

/** Timers to re-arm after a restore; the server schedules them like any other command. */
export function resumeCommands(state: AgentState): AgentCommand[] {
  const s = state.status;
  if (s.kind === 'ringing') return [{ type: 'startRingTimer', callId: s.offer.callId, at: s.offer.ringTimeoutAt }];
  if (s.kind === 'wrapUp') return [{ type: 'startWrapUpTimer', at: s.until }];
  return [];
}

function validStatus(v: unknown): v is AgentStatus {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'signedOut':
    case 'ready':
      return true;
    case 'paused':
      return typeof v.reason === 'string';
    case 'wrapUp':
      return typeof v.callId === 'string' && isNum(v.until);
    case 'onCall':
      return typeof v.callId === 'string' && typeof v.queueId === 'string' && isNum(v.since) && isNum(v.wrapUpMs);
    case 'ringing': {
      const o = v.offer;
      return isObject(o) && typeof o.callId === 'string' && typeof o.queueId === 'string' && isNum(o.offeredAt) && isNum(o.ringTimeoutAt) && isNum(o.wrapUpMs);
    }
    default:
      return false;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function isNumOrNull(v: unknown): boolean {
  return v === null || isNum(v);
}
