// The live wallboard's shapes: GET /api/wallboard (initial paint) and the socket.io pushes
// `wallboard:update` / `wallboard:snapshot` to supervisors and admins. Times are ISO strings; the console
// runs its timers (time in state, longest wait, call duration) from them, so the server pushes only on
// change. The console imports these as types only.

export type WallboardAgentState = 'signedOut' | 'ready' | 'ringing' | 'onCall' | 'wrapUp' | 'paused';

export interface WallboardQueueTile {
  queueId: string;
  name: string;
  /** Calls queued or ringing an agent right now. */
  waiting: number;
  /** When the longest-waiting call started waiting (null: none waiting). */
  oldestWaitingSince: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  /** Abandoned within the service-level threshold (left out of the service level). */
  abandonedWithin: number;
  answeredWithin: number;
  /** answered within threshold / (answered + abandoned after threshold + overflowed); null before any. */
  serviceLevel: number | null;
  serviceLevelSec: number;
  /** Average speed of answer today, ms; null before any answer. */
  asaMs: number | null;
  agents: { ready: number; ringing: number; onCall: number; wrapUp: number; paused: number; signedOut: number };
}

export interface WallboardAgentCall {
  callId: string;
  /** The customer's name, or the number when unknown. */
  customer: string;
  queueId: string | null;
  queueName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  /** When the agent started talking (call duration runs from here). */
  since: string;
}

export interface WallboardAgentRow {
  agentId: string;
  name: string;
  teamId: string | null;
  state: WallboardAgentState;
  reason: string | null;
  /** When the current state began: the source timestamp of time-in-state. */
  since: string;
  call: WallboardAgentCall | null;
  callsHandled: number;
  /** Pause time today by reason, pauses that ended only (the console adds the running one from `since`). */
  pauseMsByReason: Record<string, number>;
}

/** The dialer's campaign progress (engineer B's `campaign:progress`), as the wallboard shows it. */
export interface WallboardCampaignTile {
  campaignId: string;
  name: string;
  mode: string;
  status: string;
  dialRatePerMin: number;
  linesInProgress: number;
  connectsToday: number;
  abandonPctWindow: number;
  recordsLeft: number;
}

export interface WallboardSnapshot {
  /** Server time the figures are as of. */
  at: string;
  /** Local date and the instant the local day began (the counters reset then). */
  day: string;
  dayStart: string;
  timeZone: string;
  queues: WallboardQueueTile[];
  agents: WallboardAgentRow[];
  campaigns: WallboardCampaignTile[];
  /** False while no dialer runs in this server: the console shows an empty state for campaigns. */
  campaignsAvailable: boolean;
}

/** A coalesced push: the rows and tiles that changed since the previous one. */
export interface WallboardUpdate {
  at: string;
  seq: number;
  queues: WallboardQueueTile[];
  agents: WallboardAgentRow[];
  campaigns: WallboardCampaignTile[];
  /** Ids that left the viewer's scope or the configuration. */
  removedAgents: string[];
  removedQueues: string[];
}
