// The end of an attempt, stored: the campaign attempt row and the record's next state (dialer-store's
// finishAttempt), and — when telephony never had the call — its `calls` row and timeline activity
// (attempt-record.ts). Returns the trace kept in app.dialer.attempts.
import type { FastifyBaseLogger } from 'fastify';
import type { AmdVerdict, AttemptOutcome } from '../../core/dialer/attempt-classify.ts';
import type { AttemptCommand, AttemptState } from '../../core/dialer/attempt-types.ts';
import type { Db } from '../../db/client.ts';
import { finishAttempt, type DialTarget } from '../campaigns/dialer-store.ts';
import type { PopData } from '../telephony/facade.ts';
import { writeUnconnectedAttempt } from './attempt-record.ts';
import type { CampaignRun } from './campaign-runs.ts';

/** One attempt, kept for tests and the e2e proof (what happened on the line). */
export interface AttemptTrace {
  recordId: string;
  campaignId: string;
  number: string;
  callId: string;
  outcome: AttemptOutcome;
  cause: number | null;
  amd: AmdVerdict | null;
  agentId: string | null;
  /** The agent whose console got the call:offer (also when the called party hung up before they answered). */
  offeredTo: string | null;
  /** The abandon or machine message played to its end on the called party's channel. */
  heardMessage: boolean | null;
  startedAt: number;
  endedAt: number;
}

export interface Settled {
  state: AttemptState;
  target: DialTarget;
  run: CampaignRun;
  pop: PopData | null;
}

export async function storeSettled(
  db: Db,
  log: FastifyBaseLogger,
  a: Settled,
  c: Extract<AttemptCommand, { type: 'settle' }>,
): Promise<AttemptTrace> {
  const s = a.state;
  const cfg = a.run.cfg;
  const endedAt = s.endedAt ?? s.startedAt;
  try {
    if (c.writeCallRow) {
      await writeUnconnectedAttempt(db, {
        callId: s.callId,
        campaignName: cfg.name,
        callerId: cfg.callerId,
        number: a.target.phoneE164,
        pop: a.pop,
        outcome: c.outcome,
        cause: c.cause,
        startedAt: new Date(s.startedAt),
        answeredAt: s.answeredAt === null ? null : new Date(s.answeredAt),
        endedAt: new Date(endedAt),
        amdResult: s.amd,
      });
    }
    await finishAttempt(db, {
      recordId: s.recordId,
      campaignId: s.campaignId,
      callId: s.callId,
      outcome: c.outcome,
      cause: c.cause,
      startedAt: new Date(s.startedAt),
      endedAt: new Date(endedAt),
      agentId: c.agentId,
      amdResult: s.amd ? `${s.amd}${s.amdDetail ? `/${s.amdDetail}` : ''}` : null,
    });
  } catch (err) {
    // The database is the record of the attempt; the call itself is over either way. Nothing to retry
    // from here: the record stays 'dialing' and goes back to the pool at the next start.
    log.error({ err, recordId: s.recordId, callId: s.callId }, 'dialer: could not store the attempt');
  }
  return {
    recordId: s.recordId,
    campaignId: s.campaignId,
    number: a.target.phoneE164,
    callId: s.callId,
    outcome: c.outcome,
    cause: c.cause,
    amd: s.amd,
    agentId: c.agentId,
    offeredTo: s.agentId,
    heardMessage: s.heardMessage,
    startedAt: s.startedAt,
    endedAt,
  };
}
