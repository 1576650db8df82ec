// The supervisors' sessions of one telephony runtime: which supervisor is on which call, through which
// phone channel, snoop and monitor bridge. PBX events about those channels (not the runtime's) are
// handled here; they run inside the runtime's chain so they interleave with the call's own events.
import type { PbxEvent } from '@ringside/pbx';
import type { MonitorMode } from '../../contracts/supervision.ts';
import { cleanupStep } from '../telephony/pbx-cleanup.ts';
import type { TelephonyRuntime } from '../telephony/runtime.ts';

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

export interface SupervisionHooks {
  onPhoneAnswered(sv: Supervision, s: Session): Promise<void>;
  onPhoneGone(sv: Supervision, s: Session): Promise<void>;
  onSomeLegGone(sv: Supervision): Promise<void>;
}

export class Supervision {
  /** callId → the session on it (one supervisor per call at a time). */
  readonly sessions = new Map<string, Session>();
  private readonly entered = new Map<string, () => void>();

  constructor(
    readonly rt: TelephonyRuntime,
    private readonly hooks: SupervisionHooks,
  ) {
    rt.pbx.on((e) => this.onEvent(e));
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

  private onEvent(e: PbxEvent): void {
    if (e.type === 'callEntered') {
      const done = this.entered.get(e.channelId);
      if (done) {
        this.entered.delete(e.channelId);
        done();
        return;
      }
      if (e.args[0] !== 'supervise') return;
      void this.rt.run(async () => {
        const s = this.byPhone(e.channelId);
        if (s && !s.answered) return this.hooks.onPhoneAnswered(this, s);
        // A phone nobody waits for any more (stopped while it rang): not ours to keep.
        if (!s)
          await cleanupStep(
            this.rt.log,
            this.rt.pbx.hangup(e.channelId),
            'hang-up of a supervisor phone nobody waits for',
            { channelId: e.channelId },
          );
      });
      return;
    }
    if (e.type !== 'channelDestroyed' && e.type !== 'stasisEnd') return;
    if (this.sessions.size === 0) return;
    void this.rt.run(async () => {
      const s = this.byPhone(e.channelId);
      if (s) return this.hooks.onPhoneGone(this, s);
      // Queued after the runtime's own handling of the same event: the call may be over now.
      return this.hooks.onSomeLegGone(this);
    });
  }
}

const registries = new WeakMap<TelephonyRuntime, Supervision>();

export function supervisionOf(rt: TelephonyRuntime, hooks: SupervisionHooks): Supervision {
  let sv = registries.get(rt);
  if (!sv) {
    sv = new Supervision(rt, hooks);
    registries.set(rt, sv);
  }
  return sv;
}
