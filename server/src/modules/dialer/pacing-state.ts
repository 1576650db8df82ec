// The PacingState core/dialer wants, built from the dialer's attempts and the telephony runtime's agent
// states. Pure: the runtime passes what it holds and the time.
import type { AgentState } from '../../core/agent/agent-types.ts';
import type { AttemptPhase } from '../../core/dialer/attempt-types.ts';
import type { PacingState } from '../../core/dialer/index.ts';

/** The dial attempt's phase (core/dialer/attempt-machine.ts). */
export type DialPhase = AttemptPhase;

export interface DialView {
  phase: DialPhase;
  startedAt: number;
  liveSince: number | null;
}

/**
 * readyAgents: campaign agents ready now; talk / wrap-up: campaign agents on or wrapping up a call of
 * this campaign (`campaignQueueId` is the pseudo-queue the telephony hook puts them in, `campaignCalls`
 * the call ids of this campaign, since a wrap-up no longer names the queue); dials ringing or in AMD;
 * live answers not yet connected.
 */
export function pacingState(a: {
  agents: readonly (AgentState | undefined)[];
  campaignQueueId: string;
  campaignCalls: ReadonlySet<string>;
  dials: readonly DialView[];
  now: number;
}): PacingState {
  const sec = (ms: number) => Math.max(0, (a.now - ms) / 1000);
  let readyAgents = 0;
  const talkElapsedSec: number[] = [];
  const wrapElapsedSec: number[] = [];
  for (const s of a.agents) {
    if (!s || s.pendingPause) continue;
    const st = s.status;
    if (st.kind === 'ready') readyAgents += 1;
    else if (st.kind === 'onCall' && st.queueId === a.campaignQueueId) talkElapsedSec.push(sec(st.since));
    else if (st.kind === 'wrapUp' && a.campaignCalls.has(st.callId)) wrapElapsedSec.push(sec(s.since));
  }
  const dialAgesSec: number[] = [];
  const waitingAgesSec: number[] = [];
  for (const d of a.dials) {
    if (d.phase === 'ringing' || d.phase === 'amd') dialAgesSec.push(sec(d.startedAt));
    else if ((d.phase === 'waiting' || d.phase === 'offered') && d.liveSince !== null)
      waitingAgesSec.push(sec(d.liveSince));
  }
  return { readyAgents, talkElapsedSec, wrapElapsedSec, dialAgesSec, waitingAgesSec };
}
