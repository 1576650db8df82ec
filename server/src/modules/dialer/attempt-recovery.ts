// Attempts that outlive the process. At start the dialer reads what the previous process persisted
// (attempt-store.ts); their records keep their claim while every other stale claim goes back to the pool.
// Once the PBX is connected and telephony has reconciled its own calls (it adopts the calls the dialer had
// handed over), each attempt gets a `resume` event with what the PBX still holds: the reducer's resume
// rules (core/dialer/attempt-resume.ts) decide, and events missed meanwhile are read off the channel.
import { isGone, type PbxPort } from '@ringside/pbx';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { campaignRecords } from '../../db/schema/campaigns.ts';
import { releaseStaleClaims } from '../campaigns/dialer-store.ts';
import type { TelephonyFacade } from '../telephony/facade.ts';
import { LEG_TAG_VARIABLE } from '../telephony/leg-tag.ts';
import { missedEvent } from './attempt-events.ts';
import type { AttemptRunner } from './attempt-runner.ts';
import type { AttemptJournal, AttemptStore, PersistedAttempt } from './attempt-store.ts';
import type { CampaignRuns } from './campaign-runs.ts';

export interface RecoveryDeps {
  telephony: TelephonyFacade;
  db: Db;
  log: FastifyBaseLogger;
  store: AttemptStore;
  journal: AttemptJournal;
  runs: CampaignRuns;
  runner: AttemptRunner;
}

/**
 * The attempts a previous process left, read before any claim is released: their records stay claimed
 * (releaseStaleClaims would put a record back in the pool while its number may still be ringing).
 */
export async function takeOverClaims(d: RecoveryDeps, at: Date): Promise<PersistedAttempt[]> {
  let left: PersistedAttempt[] = [];
  try {
    const read = await d.store.loadAll();
    for (const callId of read.unreadable) {
      d.log.warn({ callId }, 'dialer: a persisted attempt could not be read; dropped');
      d.journal.remove(callId);
    }
    left = read.attempts;
  } catch (err) {
    d.log.error({ err }, 'dialer: persisted attempts could not be read; their records go back to the pool');
  }
  const held = left.map((a) => a.target.recordId);
  if (held.length > 0) {
    await d.db
      .update(campaignRecords)
      .set({ claimedAt: at })
      .where(and(inArray(campaignRecords.id, held), eq(campaignRecords.status, 'dialing')));
  }
  // Claims older than `at` are a previous process's that never dialed: back to their dialable state.
  await releaseStaleClaims(d.db, at);
  return left;
}

/** Resumes the attempts in `left`, removing each from it once done (a failure resumes the rest later). */
export async function resumeAttempts(d: RecoveryDeps, left: PersistedAttempt[]): Promise<void> {
  if (left.length === 0) return;
  const tel = d.telephony;
  const listed = new Map((await tel.pbx.listChannels([LEG_TAG_VARIABLE])).map((c) => [c.channelId, c]));
  while (left.length > 0) {
    const p = left[0]!;
    const { callId, channelId, campaignId } = p.state;
    const run = await d.runs.ensure(campaignId);
    if (!run) {
      d.log.warn({ callId, campaignId }, 'dialer: the campaign of a persisted attempt is gone; dropped');
      d.journal.remove(callId);
      left.shift();
      continue;
    }
    const ch = listed.get(channelId);
    const channelAlive = ch !== undefined || (await stillThere(tel.pbx, channelId));
    const a = d.runner.adopt(p.state, p.target, run);
    await d.runner.lookupPop(a);
    left.shift();
    await d.runner.feed(a, {
      type: 'resume',
      channelAlive,
      callLive: tel.hasLiveCall(callId),
      now: tel.now(),
    });
    const missed = d.runner.attempts.has(callId) ? missedEvent(a.state, ch, tel.now()) : null;
    if (missed) await d.runner.feed(a, missed);
    d.log.info({ callId, was: p.state.phase, channelAlive, now: a.state.phase }, 'dialer: attempt resumed');
  }
}

/** A channel the listing leaves out (in AMD's dialplan detour, outside our app) may still be there. */
async function stillThere(pbx: PbxPort, channelId: string): Promise<boolean> {
  try {
    // CHANNEL(state) has a value on every live channel; "no value" is how the adapter may report a gone
    // channel (ARI's 404 for an unknown channel and for an unset variable differ only in their text).
    const state = await pbx.getVariable(channelId, 'CHANNEL(state)');
    return state !== undefined && state !== '';
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}
