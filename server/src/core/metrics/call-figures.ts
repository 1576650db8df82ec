// Queue-side figures of a set of calls: offered, answered, abandoned (and short abandons), service
// level, ASA, wait, handle time. The counting rules of service level, short abandons and ASA are those
// of core/acd/service-level.ts (the wallboard uses the same), so a report and the live board agree.
import { accountCall, averageSpeedOfAnswerMs, emptyServiceLevel, serviceLevel, type ServiceLevelCounters } from '../acd/service-level.ts';
import type { CallOutcome } from '../call/call-types.ts';
import type { CallFact } from './facts.ts';

export interface CallAccumulator {
  sl: ServiceLevelCounters;
  /** Longest wait of any queued call (answered, abandoned or overflowed). */
  maxWaitMs: number;
  /** Sum of waits of every queued call, for the average wait. */
  queuedWaitMs: number;
  /** Handle-time sums over answered calls. */
  talkMs: number;
  holdMs: number;
  wrapMs: number;
  transferred: number;
  /** Outbound calls are counted apart: they never queue. */
  outbound: number;
  outboundAnswered: number;
}

export function emptyCalls(): CallAccumulator {
  return { sl: emptyServiceLevel(), maxWaitMs: 0, queuedWaitMs: 0, talkMs: 0, holdMs: 0, wrapMs: 0, transferred: 0, outbound: 0, outboundAnswered: 0 };
}

/** Adds one call (mutates and returns `acc`: reports fold thousands of calls). */
export function addCall(acc: CallAccumulator, c: CallFact): CallAccumulator {
  if (c.outcome === 'live') return acc; // not over yet: counted once it ends
  if (c.direction === 'outbound') {
    acc.outbound += 1;
    if (c.answeredAt !== null) {
      acc.outboundAnswered += 1;
      acc.talkMs += c.talkMs;
      acc.holdMs += c.holdMs;
      acc.wrapMs += c.wrapMs;
    }
    return acc;
  }
  if (c.queuedAt === null) return acc;
  acc.sl = accountCall(acc.sl, { outcome: c.outcome as CallOutcome, waitMs: c.waitMs, answeredAt: c.answeredAt, abandonedIn: null, queuedAt: c.queuedAt }, c.thresholdMs);
  acc.queuedWaitMs += c.waitMs;
  acc.maxWaitMs = Math.max(acc.maxWaitMs, c.waitMs);
  if (c.answeredAt !== null) {
    acc.talkMs += c.talkMs;
    acc.holdMs += c.holdMs;
    acc.wrapMs += c.wrapMs;
  }
  if (c.transfers > 0) acc.transferred += 1;
  return acc;
}

export interface CallFigures {
  offered: number;
  answered: number;
  abandoned: number;
  /** Abandoned within the queue's service-level threshold (left out of the service level). */
  abandonedShort: number;
  overflowed: number;
  /** 0..1 or null with no counting call. */
  serviceLevel: number | null;
  abandonRate: number | null;
  asaSec: number | null;
  avgWaitSec: number | null;
  maxWaitSec: number | null;
  /** (talk + hold + wrap-up) / handled calls, inbound answered plus outbound answered. */
  ahtSec: number | null;
  avgTalkSec: number | null;
  avgHoldSec: number | null;
  avgWrapSec: number | null;
  transferred: number;
  outbound: number;
  outboundAnswered: number;
}

const sec = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
const per = (total: number, n: number) => (n === 0 ? null : total / n);

export function callFigures(acc: CallAccumulator): CallFigures {
  const { sl } = acc;
  const handled = sl.answered + acc.outboundAnswered;
  return {
    offered: sl.offered,
    answered: sl.answered,
    abandoned: sl.abandoned,
    abandonedShort: sl.abandonedWithin,
    overflowed: sl.overflowed,
    serviceLevel: serviceLevel(sl),
    abandonRate: sl.offered === 0 ? null : sl.abandoned / sl.offered,
    asaSec: sec(averageSpeedOfAnswerMs(sl)),
    avgWaitSec: sec(per(acc.queuedWaitMs, sl.offered)),
    maxWaitSec: sl.offered === 0 ? null : sec(acc.maxWaitMs),
    ahtSec: sec(per(acc.talkMs + acc.holdMs + acc.wrapMs, handled)),
    avgTalkSec: sec(per(acc.talkMs, handled)),
    avgHoldSec: sec(per(acc.holdMs, handled)),
    avgWrapSec: sec(per(acc.wrapMs, handled)),
    transferred: acc.transferred,
    outbound: acc.outbound,
    outboundAnswered: acc.outboundAnswered,
  };
}
