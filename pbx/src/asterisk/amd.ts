// Answering-machine detection as a detour through the dialplan (dialplans/dialer.conf): ARI has no AMD,
// so startAmd continues the channel in ringside-dialer-amd, which runs AMD() and re-enters our app with
// Stasis(APP,dialer-amd,<AMDSTATUS>,<AMDCAUSE>). The port promises one amdResult and no stasisEnd for the
// detour; routeAmdEvent is the pure rule, AmdDetours the adapter's memory of channels on the detour.
import type { DialplanTarget } from '../port/commands.ts';
import type { AmdVerdict, PbxEvent } from '../port/events.ts';

export const AMD_DIALPLAN: Readonly<Required<Pick<DialplanTarget, 'context' | 'extension' | 'priority'>>> =
  Object.freeze({
    context: 'ringside-dialer-amd',
    extension: 's',
    priority: 1,
  });

/** The channel variable dialer.conf reads to know which Stasis app to return to (ours, not the global one). */
export const AMD_RETURN_APP_VARIABLE = 'DIALER_APP';

/** The first Stasis argument of a channel coming back from the detour. */
export const AMD_REENTRY_ARG = 'dialer-amd';

const VERDICTS: Readonly<Record<string, AmdVerdict>> = Object.freeze({
  HUMAN: 'human',
  MACHINE: 'machine',
  NOTSURE: 'notsure',
  HANGUP: 'hangup',
});

/** AMD()'s AMDSTATUS → verdict. AMD documents HUMAN, MACHINE, NOTSURE, HANGUP; anything else is unsure. */
export function amdVerdict(status: string | undefined): AmdVerdict {
  return (status !== undefined && Object.hasOwn(VERDICTS, status) && VERDICTS[status]) || 'notsure';
}

export interface AmdRoute {
  /** What to report instead (null: nothing). */
  event: PbxEvent | null;
  /** The channel's detour is over (verdict arrived, or it is gone). */
  done: boolean;
}

/**
 * One mapped event, given whether its channel was sent on the detour. The re-entry is mapped to amdResult
 * even for a channel we do not remember (sent before a restart): its arguments say what it is.
 */
export function routeAmdEvent(event: PbxEvent, onDetour: boolean): AmdRoute {
  if (event.type === 'callEntered' && event.args[0] === AMD_REENTRY_ARG) {
    const [, status, ...cause] = event.args;
    return {
      event: {
        type: 'amdResult',
        at: event.at,
        channelId: event.channelId,
        verdict: amdVerdict(status),
        detail: cause.join(','),
      },
      done: true,
    };
  }
  // Leaving the app for the detour is not the end of the channel's stay with us.
  if (event.type === 'stasisEnd' && onDetour) return { event: null, done: false };
  if (event.type === 'channelDestroyed') return { event, done: onDetour };
  return { event, done: false };
}

/** The channels sent on the detour and not back yet. */
export class AmdDetours {
  private readonly channels = new Set<string>();

  /** Call before the continue request: the StasisEnd can arrive before its HTTP reply. */
  start(channelId: string): void {
    this.channels.add(channelId);
  }

  /** The continue request failed: the channel never left. */
  cancel(channelId: string): void {
    this.channels.delete(channelId);
  }

  route(event: PbxEvent): PbxEvent | null {
    const channelId = 'channelId' in event ? event.channelId : undefined;
    if (channelId === undefined) return event;
    const r = routeAmdEvent(event, this.channels.has(channelId));
    if (r.done) this.channels.delete(channelId);
    return r.event;
  }

  get size(): number {
    return this.channels.size;
  }
}
