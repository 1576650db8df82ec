// How a dial attempt ended, as the campaign's attempt outcome (the contract's AttemptOutcome), from what
// the PBX reported about the called party's channel and what the dialer did with the answer. Causes come
// from ChannelDestroyed (Q.850, typed by the pbx adapter as HangupOutcome): Dial.dialstatus would call a
// 404 "NOANSWER" and hide dead numbers.

export type AttemptOutcome =
  'answered' | 'busy' | 'noAnswer' | 'failed' | 'unallocated' | 'congestion' | 'machine' | 'abandoned';

/** AMD's verdict as stored on the attempt (upper case, as Asterisk's AMDSTATUS spells it). */
export type AmdVerdict = 'HUMAN' | 'MACHINE' | 'NOTSURE' | 'HANGUP';

/**
 * The far end's outcome of a channel: the same words as the pbx port's HangupOutcome (core may not import
 * the port; modules/dialer checks at compile time that the two stay equal).
 */
export type FarEndOutcome =
  | 'answered-normal'
  | 'no-answer'
  | 'busy'
  | 'congestion'
  | 'unallocated'
  | 'invalid-number'
  | 'rejected'
  | 'unreachable'
  | 'answered-elsewhere'
  | 'failed'
  | 'unknown';

/** An attempt that never reached an answer: the far end's cause decides. */
export function outcomeOfUnanswered(
  outcome: FarEndOutcome,
): Exclude<AttemptOutcome, 'answered' | 'machine' | 'abandoned'> {
  switch (outcome) {
    case 'busy':
      return 'busy';
    case 'no-answer':
      return 'noAnswer';
    case 'congestion':
      return 'congestion';
    case 'unallocated':
    case 'invalid-number':
      return 'unallocated';
    // 20 subscriber absent / 27 out of order: nobody picked up this time; retry like a no-answer.
    case 'unreachable':
      return 'noAnswer';
    // 16 before an answer happens when our own side gives up in a race with the ring timeout.
    case 'answered-normal':
      return 'noAnswer';
    case 'rejected':
    case 'answered-elsewhere':
    case 'failed':
    case 'unknown':
      return 'failed';
  }
}

/** What happened to an answered call, from what the dialer did with it. */
export function outcomeOfAnswered(a: {
  amd: AmdVerdict | null;
  reachedAgent: boolean;
  abandoned: boolean;
}): AttemptOutcome {
  if (a.amd === 'MACHINE') return 'machine';
  if (a.abandoned) return 'abandoned';
  if (a.reachedAgent) return 'answered';
  // Answered, then the called party hung up before we could connect (or during AMD): a short live answer.
  return 'answered';
}

/** The learner's dialResolved kinds (core/dialer): the attempt as the pacing model sees it. */
export function learnerResolution(
  outcome: AttemptOutcome,
): 'answered' | 'busy' | 'noAnswer' | 'failed' | 'machine' {
  switch (outcome) {
    case 'answered':
    case 'abandoned':
      return 'answered';
    case 'machine':
      return 'machine';
    case 'busy':
      return 'busy';
    case 'noAnswer':
      return 'noAnswer';
    case 'congestion':
    case 'failed':
    case 'unallocated':
      return 'failed';
  }
}

/** Grace before a live answer counts as abandoned (issue: 2 s to connect an agent). */
export const CONNECT_GRACE_MS = 2_000;

/**
 * Abandon decision for a live answer waiting for an agent: abandon once the grace has passed without an
 * agent leg answering. `liveSince` is when the called party (or AMD's HUMAN verdict) made it live.
 */
export function shouldAbandon(a: {
  liveSince: number;
  agentConnected: boolean;
  now: number;
  graceMs?: number;
}): boolean {
  if (a.agentConnected) return false;
  return a.now - a.liveSince >= (a.graceMs ?? CONNECT_GRACE_MS);
}
