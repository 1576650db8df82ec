// What other modules (dialer, supervision, wallboard, calls, agents) may ask of the telephony role. They
// use this facade, never the runtime's maps: telephony owns calls, agents and the channel registry, and
// a leg another module creates is claimed here so the dispatcher routes its events to that module.
import type { PbxPort } from '@ringside/pbx';
import type { AgentState } from '../../core/agent/agent-types.ts';
import {
  campaignQueueId,
  offerCampaignCall,
  readyAgentsAmong,
  recordCampaignCall,
  takeBackCampaignCall,
  type CampaignCallHandover,
} from './campaign-call.ts';
import { onCallerGone } from './legs.ts';
import type { LegTag } from './leg-tag.ts';
import type { LegOwner, OwnerHandler } from './pbx-dispatcher.ts';
import type { TelephonyListener } from './runtime-events.ts';
import type { TelephonyRuntime } from './runtime.ts';

export { campaignQueueId, type CampaignCallHandover };
// Types other modules need to talk to the facade (the dialer builds a pop and reads call transitions).
export type { PopData } from './types.ts';
export type { TelephonyEvent } from './runtime-events.ts';

export class TelephonyFacade {
  constructor(private readonly rt: TelephonyRuntime) {}

  get pbx(): PbxPort {
    return this.rt.pbx;
  }

  now(): number {
    return this.rt.now();
  }

  /** True once the calls held at start were reconciled with the PBX (a restarted dialer resumes after it). */
  get reconciled(): boolean {
    return this.rt.reconciled;
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
