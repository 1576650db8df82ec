// State the fake keeps per channel, and how our hang-up reasons map to the Q.850 cause Asterisk reports.
import type { BridgeType, DialTarget } from '../port/commands.ts';
import type { AmdVerdict, LiveBridge, LiveChannel } from '../port/events.ts';
import type { HangupOutcome, HangupReason } from '../port/outcome.ts';

export interface FakeChannel {
  id: string;
  state: 'ring' | 'ringing' | 'up' | 'down';
  inApp: boolean;
  bridgeId?: string;
  variables: Map<string, string>;
  args: string[];
  callerNumber?: string;
  /** Epoch ms (listChannels' createdAt). */
  createdAt?: number;
  /** Where an originated channel was dialed (setAmdVerdict by number looks here). */
  target?: DialTarget;
}

export interface FakeBridge {
  type: BridgeType;
  channels: Set<string>;
}

/** listChannels of the fake: every channel it holds is ours (inbound, originated, snoops). */
export function liveChannelOf(ch: FakeChannel, names: string[]): LiveChannel {
  const variables: Record<string, string> = {};
  for (const n of names) {
    const v = ch.variables.get(n);
    if (v !== undefined) variables[n] = v;
  }
  return {
    channelId: ch.id,
    state: ch.state,
    callerNumber: ch.callerNumber ?? '',
    args: [...ch.args],
    createdAt: ch.createdAt ?? 0,
    variables,
  };
}

export function liveBridgeOf(id: string, b: FakeBridge): LiveBridge {
  return { bridgeId: id, type: b.type, channelIds: [...b.channels] };
}

/** The verdict chosen for a channel: by its id, else by the number it was dialed to, else human. */
export function amdVerdictFor(ch: FakeChannel, verdicts: ReadonlyMap<string, AmdVerdict>): AmdVerdict {
  const byNumber = ch.target?.kind === 'number' ? verdicts.get(ch.target.number) : undefined;
  return verdicts.get(ch.id) ?? byNumber ?? 'human';
}

export interface RecordedCommand {
  name: string;
  args: unknown[];
}

export const REASON_CAUSE: Record<Exclude<HangupReason, number>, [number, HangupOutcome]> = {
  normal: [16, 'answered-normal'],
  busy: [17, 'busy'],
  congestion: [34, 'congestion'],
  'no-answer': [19, 'no-answer'],
  rejected: [21, 'rejected'],
  unallocated: [1, 'unallocated'],
  'answered-elsewhere': [26, 'answered-elsewhere'],
  failed: [38, 'failed'],
};
