// The contract between the supervision routes and the console (SupervisorCallActions, live calls view,
// the agent's "being monitored" indicator). The console imports these as types only.
import { Type, type Static } from 'typebox';

export const MONITOR_MODES = ['listen', 'whisper', 'barge'] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];

export const MonitorBody = Type.Object(
  { mode: Type.Union(MONITOR_MODES.map((m) => Type.Literal(m))) },
  { additionalProperties: false },
);
export type MonitorBody = Static<typeof MonitorBody>;

export const SupervisionSettingsBody = Type.Object(
  { agentsSeeMonitoring: Type.Boolean() },
  { additionalProperties: false },
);
export type SupervisionSettingsBody = Static<typeof SupervisionSettingsBody>;

/** The supervisor's session on one call; mode null once it stopped (or the call ended). */
export interface MonitorSession {
  callId: string;
  agentId: string;
  supervisorId: string;
  mode: MonitorMode | null;
}

/** A live call a supervisor may act on (GET /api/supervision/calls). */
export interface LiveCallView {
  callId: string;
  agentId: string;
  agentName: string | null;
  callerNumber: string;
  /** ACD queue id (null for a campaign call). */
  queueId: string | null;
  /** Outbound dialer calls: the campaign (their pseudo-queue is not an ACD queue). */
  campaign: { id: string; name: string } | null;
  status: string;
  answeredAt: string | null;
  /** This supervisor's current mode on the call, if monitoring. */
  myMode: MonitorMode | null;
}

/**
 * Socket pushes. To the supervisor (`user:<supervisorId>`): their session changed. To the agent
 * (`user:<agentId>`), only when the tenant lets agents see it: whether someone is listening in now.
 */
export interface MonitorPushPayload {
  callId: string;
  mode: MonitorMode | null;
  /** 'supervisor' for the acting supervisor's own console, 'agent' for the monitored agent's indicator. */
  audience: 'supervisor' | 'agent';
}
