// What other modules (dialer, supervision, wallboard, calls, agents, recordings) may ask of the telephony
// role. They use this facade, never the runtime's maps or its handler files: telephony owns calls,
// agents and the channel registry; a leg another module creates is claimed here so the dispatcher routes
// its events to that module; logic that changes a call lives in telephony, behind a method here.
// Grouped by client: the dialer's methods on the facade itself, the others in facade-<client>.ts
// (tel.calls, tel.agents, tel.supervision, tel.wallboard). Public with it: leg-tag.ts (the tag codec)
// and sip-password.ts; server/src/telephony-boundary.test.ts keeps it so.
import type { OriginateRequest, PbxPort, PbxProvisioning } from '@ringside/pbx';
import type { FastifyInstance } from 'fastify';
import type { AgentState } from '../../core/agent/agent-types.ts';
import { AppError } from '../../errors/catalog.ts';
import {
  campaignQueueId,
  offerCampaignCall,
  readyAgentsAmong,
  recordCampaignCall,
  takeBackCampaignCall,
  type CampaignCallHandover,
} from './campaign-call.ts';
import { AgentsFacade } from './facade-agents.ts';
import { CallsFacade } from './facade-calls.ts';
import { SupervisionFacade } from './facade-supervision.ts';
import { WallboardFacade } from './facade-wallboard.ts';
import { onCallerGone } from './legs.ts';
import type { LegTag } from './leg-tag.ts';
import { originateLeg } from './originate-leg.ts';
import type { LegOwner, OwnerHandler } from './pbx-dispatcher.ts';
import type { TelephonyListener } from './runtime-events.ts';
import type { TelephonyRuntime } from './runtime.ts';

export { campaignQueueId, type CampaignCallHandover };
export { cleanupStep } from './pbx-cleanup.ts';
// Types other modules need to talk to the facade (the dialer builds a pop and reads call transitions).
export type { PopData } from './types.ts';
export type { CallFacts, TelephonyEvent, TelephonyListener } from './runtime-events.ts';
export type { LegOwner, LegTag, OwnerHandler };
export type { AgentsFacade, CallsFacade, SupervisionFacade, WallboardFacade };

export class TelephonyFacade {
  /** modules/calls and modules/recordings. */
  readonly calls: CallsFacade;
  /** modules/agents. */
  readonly agents: AgentsFacade;
  /** modules/supervision. */
  readonly supervision: SupervisionFacade;
  /** modules/wallboard. */
  readonly wallboard: WallboardFacade;

  constructor(private readonly rt: TelephonyRuntime) {
    this.calls = new CallsFacade(rt);
    this.agents = new AgentsFacade(rt);
    this.supervision = new SupervisionFacade(rt);
    this.wallboard = new WallboardFacade(rt);
  }

  get pbx(): PbxPort {
    return this.rt.pbx;
  }

  /** Creates and updates agents' WebRTC endpoints on the PBX (the softphone's config route). */
  get provisioning(): PbxProvisioning {
    return this.rt.deps.provisioning;
  }

  now(): number {
    return this.rt.now();
  }

  /** True once the calls held at start were reconciled with the PBX (a restarted dialer resumes after it). */
  get reconciled(): boolean {
    return this.rt.reconciled;
  }

  /**
   * Runs fn as one step of the telephony chain, after everything queued before it: for a client whose
   * own steps must be ordered with the call's events (supervision). Never call it from inside a step.
   */
  serialize<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.rt.run(fn);
  }

  /** Re-reads queues, members, profiles, pause codes and DIDs (after an admin changed them). */
  reload(): Promise<void> {
    return this.rt.reload();
  }

  // ------------------------------------------------------------- legs and PBX events

  /** Claims a channel for a leg of the caller's module; do it before the originate. */
  claimLeg(channelId: string, tag: LegTag): void {
    this.rt.channels.set(channelId, tag);
  }

  releaseLeg(channelId: string): void {
    this.rt.channels.delete(channelId);
  }

  legOf(channelId: string): LegTag | undefined {
    return this.rt.channels.get(channelId);
  }

  /** Claims, tags and originates a leg of the caller's module; a failed originate releases the claim. */
  originateLeg(tag: LegTag, request: OriginateRequest & { channelId: string }): Promise<void> {
    return originateLeg(this.rt, tag, request);
  }

  /** PBX events about the legs `owner` claimed (and connection events). One handler per owner. */
  onPbxEvents(owner: LegOwner, handler: OwnerHandler): () => void {
    return this.rt.dispatcher.register(owner, handler);
  }

  /** The playback's events go to `owner` (playback events name no channel to route by). */
  claimPlayback(playbackId: string, owner: LegOwner): void {
    this.rt.dispatcher.claimPlayback(playbackId, owner);
  }

  // ------------------------------------------------------------- agents and calls

  /** Agent transitions and call transitions, in the runtime's order. */
  onEvents(listener: TelephonyListener): () => void {
    return this.rt.events.on(listener);
  }

  agentState(agentId: string): AgentState | undefined {
    return this.rt.agents.get(agentId);
  }

  readyAgentsAmong(agentIds: readonly string[]): string[] {
    return readyAgentsAmong(this.rt, agentIds);
  }

  hasLiveCall(callId: string): boolean {
    const call = this.rt.calls.get(callId);
    return call !== undefined && call.state.status.kind !== 'ended';
  }

  // ------------------------------------------------------------- campaign calls (the dialer)

  /** Hands an answered dialer leg to telephony and offers it to the agent; false when they were not ready. */
  offerCampaignCall(h: CampaignCallHandover): Promise<boolean> {
    return this.rt.run(() => offerCampaignCall(this.rt, h));
  }

  /** Takes an offered campaign call back (grace over); the channel is the dialer's again, or null. */
  takeBackCampaignCall(callId: string): Promise<string | null> {
    return this.rt.run(() => takeBackCampaignCall(this.rt, callId));
  }

  recordCampaignCall(callId: string): Promise<void> {
    return this.rt.run(() => recordCampaignCall(this.rt, callId));
  }

  /**
   * The called party of a handed-over call hung up, but the event reached the dialer (it was dispatched
   * in the instant of the hand-over): end the call in telephony as its own caller hang-up would.
   */
  endHandedOverCall(callId: string, cause: string): Promise<void> {
    return this.rt.run(async () => {
      if (this.hasLiveCall(callId)) await onCallerGone(this.rt, callId, cause);
    });
  }
}

/** This process's telephony, or 503: the telephony role runs elsewhere or the PBX is disabled. */
export function requireTelephony(app: FastifyInstance): TelephonyFacade {
  if (!app.telephonyFacade)
    throw new AppError('RS_PBX_UNAVAILABLE', 'Telephony is not running in this server process');
  return app.telephonyFacade;
}

/** Like requireTelephony, and the PBX event stream must be up (commands would fail otherwise). */
export function requireConnectedPbx(app: FastifyInstance): TelephonyFacade {
  const tel = requireTelephony(app);
  if (!tel.pbx.connected) throw new AppError('RS_PBX_UNAVAILABLE');
  return tel;
}
