// The supervisors' sessions of one telephony role: which supervisor is on which call, through which
// phone channel, snoop and monitor bridge. Supervision's own legs are claimed in telephony's channel
// registry (through the facade), so their PBX events come here, through onPbxEvents('supervision');
// the call's own changes come as telephony events (a call transition, a click-to-dial ending). All of it
// runs in the telephony chain (serialize), so it interleaves with the call's own events.
import type { PbxEvent } from '@ringside/pbx';
import type { FastifyBaseLogger } from 'fastify';
import type { MonitorMode } from '../../contracts/supervision.ts';
import type { Db } from '../../db/client.ts';
import type { RealtimeServer } from '../../plugins/realtime.ts';
import type { LegTag, TelephonyEvent, TelephonyFacade } from '../telephony/facade.ts';

export interface Session {
  callId: string;
  agentId: string;
  supervisorId: string;
  /** The supervisor's own phone (their softphone), rung once per session. */
  phoneChannel: string;
  answered: boolean;
  /** The mode wired now (null until the phone answered). */
  mode: MonitorMode | null;
  /** What to do once the phone answers. */
  wanted: MonitorMode | 'takeover';
  /** The agent leg the session watches; a transfer or take-over changes the call's leg and ends it. */
  agentChannel: string;
  snoopChannel: string | null;
  monitorBridge: string | null;
  inCallBridge: boolean;
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

export interface SupervisionDeps {
  tel: TelephonyFacade;
  io: RealtimeServer;
  db: Db;
  log: FastifyBaseLogger;
}

export interface SupervisionHooks {
  onPhoneAnswered(sv: Supervision, s: Session): Promise<void>;
  onPhoneGone(sv: Supervision, s: Session): Promise<void>;
  /** The call of a session changed (transition, click-to-dial ended): is the session still valid? */
  onCallChanged(sv: Supervision, s: Session): Promise<void>;
}

export class Supervision {
  /** callId → the session on it (one supervisor per call at a time). */
  readonly sessions = new Map<string, Session>();
  private readonly entered = new Map<string, () => void>();
  private readonly offs: (() => void)[];

  constructor(
    readonly deps: SupervisionDeps,
    private readonly hooks: SupervisionHooks,
  ) {
    this.offs = [
      deps.tel.onPbxEvents('supervision', (e, tag) => this.onPbxEvent(e, tag)),
      deps.tel.onEvents((e) => this.onTelephony(e)),
    ];
  }

  get tel(): TelephonyFacade {
    return this.deps.tel;
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
  }

  byPhone(channelId: string): Session | undefined {
    for (const s of this.sessions.values()) if (s.phoneChannel === channelId) return s;
    return undefined;
  }

  /** Resolves when the channel (a snoop we created) has entered our app, so it can be bridged. */
  waitEntered(channelId: string, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.entered.delete(channelId);
        reject(new Error(`channel ${channelId} did not enter the app`));
      }, timeoutMs);
      this.entered.set(channelId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Events about supervision's legs (supervisor phones, snoops), and unclaimed 'supervise'/'snoop' entries. */
  private onPbxEvent(e: PbxEvent, tag: LegTag | undefined): void {
    if (e.type === 'callEntered') {
      const done = this.entered.get(e.channelId);
      if (done) {
        this.entered.delete(e.channelId);
        done();
        return;
      }
      const phone = tag ? tag.kind === 'supervisor' : e.args[0] === 'supervise';
      void this.tel.serialize(async () => {
        const s = phone ? this.byPhone(e.channelId) : undefined;
        if (s && !s.answered) return this.hooks.onPhoneAnswered(this, s);
        // A phone nobody waits for any more (stopped while it rang), or a snoop whose wait timed out.
        if (!s)
          await this.tel.supervision.hangupLeg(
            e.channelId,
            phone ? 'hang-up of a supervisor phone nobody waits for' : 'hang-up of a snoop nobody waits for',
            {},
          );
      });
      return;
    }
    if (e.type !== 'channelDestroyed' && e.type !== 'stasisEnd') return;
    const cause = e.type === 'channelDestroyed' ? e.causeText || String(e.cause) : 'left';
    const outcome = e.type === 'channelDestroyed' ? e.outcome : 'answered';
    void this.tel.serialize(async () => {
      await this.tel.supervision.legGone(e.channelId, cause, outcome);
      const s = this.byPhone(e.channelId);
      if (s) await this.hooks.onPhoneGone(this, s);
    });
  }

  /** Queued after the runtime's own step: by then the call is over, or has another agent leg. */
  private onTelephony(e: TelephonyEvent): void {
    const callId = e.kind === 'callTransition' ? e.call.id : e.kind === 'dialEnded' ? e.callId : null;
    if (!callId || !this.sessions.has(callId)) return;
    void this.tel.serialize(async () => {
      const s = this.sessions.get(callId);
      if (s) await this.hooks.onCallChanged(this, s);
    });
  }
}
