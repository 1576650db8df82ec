// Q.850 cause numbers (ChannelDestroyed.cause) → typed outcomes, and our hang-up reasons → ARI.
// Causes seen through a PJSIP trunk with res_pjsip_rfc3326: 16 answered/normal, 19 no answer (and our
// own originate timeout → CANCEL/487), 17 busy (486), 34 congestion (503), 1 unallocated (404).
import type { HangupOutcome, HangupReason } from '../port/outcome.ts';

const OUTCOME_BY_CAUSE: Readonly<Record<number, HangupOutcome>> = Object.freeze({
  1: 'unallocated', // unallocated number
  3: 'unallocated', // no route to destination
  16: 'answered-normal', // normal clearing
  17: 'busy', // user busy
  18: 'no-answer', // no user responding
  19: 'no-answer', // no answer from user (user alerted)
  20: 'unreachable', // subscriber absent
  21: 'rejected', // call rejected
  22: 'unallocated', // number changed
  26: 'answered-elsewhere', // non-selected user clearing
  27: 'unreachable', // destination out of order
  28: 'invalid-number', // invalid number format
  31: 'answered-normal', // normal, unspecified
  34: 'congestion', // no circuit/channel available
  38: 'failed', // network out of order
  41: 'congestion', // temporary failure
  42: 'congestion', // switching equipment congestion
  44: 'congestion', // requested channel not available
  47: 'failed', // resource unavailable, unspecified
  58: 'failed', // bearer capability not available
  65: 'failed', // bearer capability not implemented
  88: 'failed', // incompatible destination
  102: 'no-answer', // recovery on timer expiry
  127: 'failed', // interworking, unspecified
});

export function outcomeFromCause(cause: number | undefined): HangupOutcome {
  if (cause === undefined || cause === 0) return 'unknown';
  return OUTCOME_BY_CAUSE[cause] ?? 'unknown';
}

/** Query parameters for DELETE /channels/{id}: ARI's named reasons, or reason_code for a number. */
export function hangupParams(reason: HangupReason | undefined): Record<string, string> {
  if (reason === undefined) return { reason: 'normal' };
  if (typeof reason === 'number') return { reason_code: String(reason) };
  switch (reason) {
    case 'normal':
    case 'busy':
    case 'congestion':
    case 'rejected':
    case 'unallocated':
      return { reason };
    case 'no-answer':
      return { reason: 'no_answer' };
    case 'answered-elsewhere':
      return { reason: 'answered_elsewhere' };
    case 'failed':
      return { reason: 'failure' };
  }
}
