// The telephony role's live working set: calls and the channels that belong to them. Plain data; the
// logic is in the *-ops / offer / bridging / transfer files that take the runtime.
import type { PbxEvent, PbxPort, PbxProvisioning } from '@ringside/pbx';
import type { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config/index.ts';
import type { CampaignOfferInfo, PartyRef } from '../../contracts/telephony.ts';
import type { AgentEvent, AgentStep } from '../../core/agent/agent-types.ts';
import type { CallEvent, CallState } from '../../core/call/call-types.ts';
import type { Db } from '../../db/client.ts';
import type { RealtimeServer } from '../../plugins/realtime.ts';

export interface TelephonyDeps {
  pbx: PbxPort;
  provisioning: PbxProvisioning;
  db: Db;
  io: RealtimeServer;
  config: Config;
  log: FastifyBaseLogger;
  /** Where live call state is kept for recovery; absent (unit tests) = in memory only. */
  redis?: Redis;
  /** Epoch ms; tests may pass a clock. */
  now?: () => number;
  tickMs?: number;
}

/** What a channel is to us: its leg tag (leg-tag.ts). Channels not in the registry are not ours. */
export type { LegTag as ChannelRole } from './leg-tag.ts';

export interface PopData {
  callerE164: string | null;
  party: PartyRef | null;
  otherMatches: PartyRef[];
  customer360: unknown;
}

export interface ConsultLeg {
  channelId: string;
  agentId: string | null;
  mode: 'blind' | 'attended';
  answered: boolean;
  conference: boolean;
  label: string;
}

export interface LiveCall {
  id: string;
  direction: 'inbound' | 'outbound';
  state: CallState;
  callerChannel: string;
  did: string;
  callerNumber: string;
  pop: PopData;
  /** The pop lookup is still running (inbound.ts lookupPop); routing waits for it. */
  popPending?: boolean;
  ivrPath: string[];
  languages: string[];
  /** agentId → channel of an offered leg still ringing. */
  legs: Map<string, string>;
  /** The leg of the agent talking to the caller. */
  agentChannel: string | null;
  agentId: string | null;
  bridgeId: string | null;
  consult: ConsultLeg | null;
  recording: { id: string; name: string } | null;
  lastAnnouncedAt: number | null;
  /** The playback currently replacing hold music (announcement / prompt), if any. */
  playbackId: string | null;
  transfers: number;
  agentPath: string[];
  /** IVR: the menu being played and the digits/timeouts so far. */
  ivr: { menuId: string; retries: number; promptAt: number; waitingSince: number | null } | null;
  /** Written once when the machine ended (call row completed). */
  recordWritten: boolean;
  /** Set on outbound campaign calls handed over by the dialer (campaign-call.ts); shown in the offer. */
  campaign?: CampaignOfferInfo | null;
}

export interface TraceEntry {
  seq: number;
  at: number;
  kind: 'offerEmitted' | 'originateSent' | 'agentAnswered' | 'callEnded';
  callId: string;
  agentId?: string;
}

/** A click-to-dial call (POST /api/calls/dial): outside the inbound call machine. */
export interface OutboundDial {
  id: string;
  agentId: string;
  number: string;
  agentChannel: string;
  farChannel: string | null;
  bridgeId: string | null;
  startedAt: number;
  answeredAt: number | null;
}

/**
 * The telephony steps that call one another (the call and agent machines answer each other's commands,
 * an IVR option routes like a DID, recovery ends legs like their events do). Files reach them through
 * rt.ops instead of importing each other, so the module has no import cycle; role.ts binds them once.
 */
export interface TelephonyOps {
  applyCall(call: LiveCall, event: CallEvent): Promise<boolean>;
  applyAgent(agentId: string, event: AgentEvent): Promise<AgentStep>;
  routeTo(call: LiveCall, kind: string, target: string): Promise<void>;
  /** As if the leg's ChannelDestroyed had just arrived. */
  legGone(channelId: string, cause: string, outcome: string): Promise<void>;
}

/** What the runtime runs in its chain, bound by role.ts (the runtime itself imports no handler). */
export interface TelephonyHandlers {
  onPbxEvent(e: PbxEvent): Promise<void>;
  /** Time passing: ring and wrap-up deadlines, IVR timeouts, then a routing pass. */
  tick(): Promise<void>;
  routePass(): Promise<void>;
  /** At start: the calls a previous process held, then the agents' states. */
  restore(): Promise<void>;
  /** At stop: what is buffered (the agents' state history). */
  flush(): Promise<void>;
}
