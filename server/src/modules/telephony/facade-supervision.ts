// What supervision (modules/supervision) may ask of telephony: the conversations going on now, as
// views; its own legs (the supervisor's phone, snoops) born claimed and tagged, so their events reach it
// through onPbxEvents('supervision', …) and a restarted server hangs them up as strays; and the two
// commands that change a call (take-over, forced hang-up), carried out here.
//
// Everything but the views runs INSIDE the runtime's chain: call it from a step the caller runs with
// TelephonyFacade.serialize (never wrap these in serialize again from inside one — that would wait on
// itself).
import type { PbxPort } from '@ringside/pbx';
import { phoneOf } from './config-store.ts';
import { liveTalk, liveTalks, talkBridge, type LiveTalk } from './live-talk.ts';
import { originateLeg } from './originate-leg.ts';
import { cleanupStep } from './pbx-cleanup.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { forceHangup, takeOver, type TakeOverHooks, type TakeOverRequest } from './take-over.ts';

export { FORCED_HANGUP_CAUSE } from './take-over.ts';
export type { LiveTalk, TakeOverHooks, TakeOverRequest };

export class SupervisionFacade {
  constructor(private readonly rt: TelephonyRuntime) {}

  private get pbx(): PbxPort {
    return this.rt.pbx;
  }

  // ------------------------------------------------------------- views (anywhere)

  /** The conversation on callId if someone talks on it now (the agent's leg is up). */
  liveTalk(callId: string): LiveTalk | undefined {
    return liveTalk(this.rt, callId);
  }

  liveTalks(): LiveTalk[] {
    return liveTalks(this.rt);
  }

  // ------------------------------------------------------------- in the chain

  /** The mixing bridge the parties of callId talk in (created for an ACD call that has none yet). */
  talkBridge(callId: string): Promise<string> {
    return talkBridge(this.rt, callId);
  }

  /** Rings the supervisor's own phone for a session on callId (a `supervisor` leg, enters as 'supervise'). */
  ringPhone(p: {
    callId: string;
    supervisorId: string;
    channelId: string;
    callerNumber: string;
  }): Promise<void> {
    return originateLeg(
      this.rt,
      { kind: 'supervisor', callId: p.callId, supervisorId: p.supervisorId },
      {
        target: phoneOf(this.rt.agentConfigs, p.supervisorId),
        channelId: p.channelId,
        appArgs: ['supervise', p.callId, p.supervisorId],
        timeoutSec: 20,
        callerId: { number: p.callerNumber, name: 'Ringside supervision' },
      },
    );
  }

  /** A snoop on the agent's leg (a `snoop` leg, claimed before it exists; released if it cannot be made). */
  async snoop(p: {
    callId: string;
    supervisorId: string;
    snoopId: string;
    agentChannel: string;
    whisper: 'none' | 'out';
  }): Promise<void> {
    this.rt.channels.set(p.snoopId, { kind: 'snoop', callId: p.callId, supervisorId: p.supervisorId });
    try {
      await this.pbx.snoop({
        channelId: p.agentChannel,
        spy: 'both',
        whisper: p.whisper,
        appArgs: ['snoop', p.callId],
        snoopId: p.snoopId,
      });
    } catch (err) {
      this.rt.channels.delete(p.snoopId);
      throw err;
    }
  }

  /**
   * Hangs up one of supervision's legs (forgotten first, so its destruction is not news). Gone already is
   * fine; another failure is logged and the caller's cleanup goes on.
   */
  async hangupLeg(channelId: string, what: string, context: Record<string, unknown>): Promise<void> {
    const tag = this.rt.channels.get(channelId);
    if (tag?.kind === 'supervisor' || tag?.kind === 'snoop') this.rt.channels.delete(channelId);
    await cleanupStep(this.rt.log, this.pbx.hangup(channelId), what, { ...context, channelId });
  }

  /**
   * A leg supervision was told is gone. Still a supervision leg: forgotten. Taken over meanwhile (the
   * phone became the call's agent leg while its hang-up was on its way): the call's, ended as its own
   * hang-up would.
   */
  async legGone(channelId: string, cause: string, outcome: string): Promise<void> {
    const tag = this.rt.channels.get(channelId);
    if (!tag) return;
    if (tag.kind === 'supervisor' || tag.kind === 'snoop') this.rt.channels.delete(channelId);
    else await this.rt.ops.legGone(channelId, cause, outcome);
  }

  /** The supervisor's answered phone replaces the agent's leg; returns the agent who was replaced. */
  takeOver(req: TakeOverRequest, hooks: TakeOverHooks): Promise<string> {
    return takeOver(this.rt, req, hooks);
  }

  /** Ends the call for both parties, as the system (the record's cause is FORCED_HANGUP_CAUSE). */
  forceHangup(callId: string): Promise<void> {
    return forceHangup(this.rt, callId);
  }
}
