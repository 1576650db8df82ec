// Values of the wallboard fold (wallboard-fold.ts): what it is told (events, time passed in) and what
// it keeps. Counters are "today" in the contact centre's zone and reset at its local midnight.
import type { ServiceLevelCounters } from '../acd/service-level.ts';
import type { WallboardAgentState, WallboardCampaignTile } from '../../contracts/wallboard.ts';

export interface WallboardQueueInfo {
  id: string;
  name: string;
  serviceLevelSec: number;
  /** Agents who are members (they make up the queue's ready / on call / wrap-up / paused counts). */
  members: string[];
}

export interface WallboardAgentInfo {
  id: string;
  name: string;
  teamId: string | null;
}

export type WallboardEvent =
  /** Names, teams, thresholds and memberships (at start and after an admin change). */
  | { type: 'directory'; queues: WallboardQueueInfo[]; agents: WallboardAgentInfo[]; at: number }
  | { type: 'agentState'; agentId: string; state: WallboardAgentState; reason: string | null; since: number; callId: string | null; at: number }
  /** A call is queued or ringing agents in a queue; waitingSince is when it first queued (end to end). */
  | { type: 'callWaiting'; callId: string; queueId: string; waitingSince: number; at: number }
  /**
   * An agent is now talking to the caller. countForQueue: the first answer from a queue (not a transfer
   * landing on a second agent), which is what answered / ASA / service level count.
   */
  | { type: 'callAnswered'; callId: string; agentId: string; queueId: string | null; campaignId: string | null; campaignName?: string | null; customer: string; countForQueue: boolean; at: number }
  /** The call is over; only calls that were never answered change queue counters here. */
  | { type: 'callEnded'; callId: string; queueId: string | null; outcome: 'completed' | 'abandoned' | 'overflowed' | 'transferred' | 'failed'; answered: boolean; at: number }
  | { type: 'campaign'; progress: WallboardCampaignTile; at: number }
  | { type: 'campaignRemoved'; campaignId: string; at: number }
  /** Time passing: only rolls the day over at local midnight. */
  | { type: 'tick'; at: number };

export interface WaitingCall {
  queueId: string;
  since: number;
}

export interface LiveCallInfo {
  agentId: string;
  queueId: string | null;
  campaignId: string | null;
  campaignName: string | null;
  customer: string;
  since: number;
}

export interface AgentFigures {
  state: WallboardAgentState;
  reason: string | null;
  since: number;
  callId: string | null;
  callsHandled: number;
  /** Ended pauses today, ms by reason. */
  pauseMs: Record<string, number>;
}

export interface WallboardState {
  timeZone: string;
  dayStart: number;
  nextDayStart: number;
  queues: Map<string, WallboardQueueInfo>;
  agentInfo: Map<string, WallboardAgentInfo>;
  /** agentId → queues they are a member of (derived from the directory). */
  memberOf: Map<string, string[]>;
  counters: Map<string, ServiceLevelCounters>;
  waiting: Map<string, WaitingCall>;
  live: Map<string, LiveCallInfo>;
  agents: Map<string, AgentFigures>;
  campaigns: Map<string, WallboardCampaignTile>;
}

/** What an event changed, so the caller pushes only those rows (all: repaint everything). */
export interface WallboardChanges {
  all: boolean;
  queues: Set<string>;
  agents: Set<string>;
  campaigns: Set<string>;
  removedAgents: Set<string>;
  removedQueues: Set<string>;
}
