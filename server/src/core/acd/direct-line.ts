// A DID that points at a user rings that user's phone directly. Rather than a second routing engine,
// the call waits in a one-member "direct line" queue: the ACD then gives it the same screen pop,
// offer, RONA and bridge as any queued call, and the queue's overflow is the user's voicemail —
// taken at once when the user is not signed in (or paused), or once the ring time is over.
import type { QueueConfig } from './acd-types.ts';

const PREFIX = 'direct:';

export function directLineId(userId: string): string {
  return `${PREFIX}${userId}`;
}

/** The user a direct-line queue id belongs to, or undefined for a real queue id. */
export function directLineUser(queueId: string): string | undefined {
  return queueId.startsWith(PREFIX) ? queueId.slice(PREFIX.length) : undefined;
}

/** How long a direct call rings before voicemail, unless configured otherwise. */
export const DIRECT_RING_SEC = 20;

export interface DirectLineOptions {
  /** How long the user's phone rings before the caller goes to voicemail. */
  ringSec: number;
  wrapUpSec?: number;
}

export function directLineQueue(userId: string, opts: DirectLineOptions): QueueConfig {
  const ringTimeoutMs = Math.max(1, opts.ringSec) * 1000;
  return {
    id: directLineId(userId),
    strategy: 'ringAll',
    // One offer only: the RONA that follows pauses the user, who is then "unstaffed", so the
    // unstaffed overflow sends the caller to voicemail without a second ring.
    ringTimeoutMs,
    maxWaitMs: ringTimeoutMs + 2_000,
    overflow: { kind: 'voicemail', mailbox: `user:${userId}` },
    overflowWhenUnstaffed: true,
    wrapUpMs: (opts.wrapUpSec ?? 0) * 1000,
    serviceLevelMs: ringTimeoutMs,
    announcements: null,
  };
}
