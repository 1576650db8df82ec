// The attempt commands that talk to the PBX or hand the call to telephony, each returning the event its
// result is for the attempt (the runner feeds it back). Errors are turned into that result here: the
// attempt must always hear back, or it would wait past its grace for an answer that never comes.
import { randomUUID } from 'node:crypto';
import { isGone } from '@ringside/pbx';
import type { FastifyBaseLogger } from 'fastify';
import type { AttemptEvent, AttemptState } from '../../core/dialer/attempt-types.ts';
import type { DialTarget } from '../campaigns/dialer-store.ts';
import type { PopData, TelephonyFacade } from '../telephony/facade.ts';
import { encodeLegTag, LEG_TAG_VARIABLE, type LegTag } from '../telephony/leg-tag.ts';
import type { CampaignRun } from './campaign-runs.ts';

export const ABANDON_PROMPT = 'abandon-identification';
export const MACHINE_PROMPT = 'dialer-machine-message';

export interface EffectTarget {
  state: AttemptState;
  target: DialTarget;
  run: CampaignRun;
  pop: PopData | null;
}

export interface EffectDeps {
  telephony: TelephonyFacade;
  log: FastifyBaseLogger;
}

export const legTagOf = (s: AttemptState): LegTag => ({
  kind: 'dialer',
  callId: s.callId,
  campaignId: s.campaignId,
  recordId: s.recordId,
});

export async function originate(d: EffectDeps, a: EffectTarget): Promise<AttemptEvent> {
  const s = a.state;
  const cfg = a.run.cfg;
  try {
    await d.telephony.pbx.originate({
      target: { kind: 'number', number: a.target.phoneE164, trunk: cfg.trunk },
      channelId: s.channelId,
      appArgs: ['dialer', cfg.id, s.recordId],
      callerId: { number: cfg.callerId || 'anonymous' },
      timeoutSec: s.setup.ringTimeoutMs / 1000,
      // The tag lets a restarted server recognise the leg from the PBX alone.
      variables: { [LEG_TAG_VARIABLE]: encodeLegTag(legTagOf(s)), RINGSIDE_CALL: s.callId },
    });
  } catch (err) {
    d.log.warn({ err, recordId: s.recordId }, 'dialer: originate failed, record released');
    return { type: 'originateFailed', now: d.telephony.now() };
  }
  return { type: 'originated', now: d.telephony.now() };
}

/** Offers the answer to `wanted`, or to the campaign's ready agents in turn (longest idle first). */
export async function offer(
  d: EffectDeps,
  a: EffectTarget,
  wanted: string | null,
  wrapUpMs: number,
): Promise<AttemptEvent> {
  const s = a.state;
  const cfg = a.run.cfg;
  const tel = d.telephony;
  const candidates = wanted ? [wanted] : tel.readyAgentsAmong(cfg.agentIds);
  const dispositions = a.run.dispositions.map(({ code, labelZh, labelEn, meaning }) => ({
    code,
    labelZh,
    labelEn,
    meaning,
  }));
  const pop = a.pop ?? { callerE164: a.target.phoneE164, party: null, otherMatches: [], customer360: null };
  const campaign = { id: cfg.id, name: cfg.name, recordId: s.recordId, script: cfg.script, dispositions };
  const number = a.target.phoneE164;
  for (const agentId of candidates) {
    let ok: boolean;
    try {
      const h = {
        callId: s.callId,
        channelId: s.channelId,
        number,
        pop,
        agentId,
        campaign,
        wrapUpMs,
        ringTimeoutMs: 15_000,
      };
      ok = await tel.offerCampaignCall(h);
    } catch (err) {
      d.log.error({ err, callId: s.callId, agentId }, 'dialer: offer failed');
      ok = false;
    }
    if (ok) return { type: 'offered', agentId, now: tel.now() };
  }
  return { type: 'offerRefused', now: tel.now() };
}

export async function playMessage(
  d: EffectDeps,
  s: AttemptState,
  prompt: 'abandon' | 'machine',
  langs: readonly string[],
): Promise<AttemptEvent> {
  const name = prompt === 'abandon' ? ABANDON_PROMPT : MACHINE_PROMPT;
  const media = langs.map((l) => `sound:ringside/${l}/${name}` as const);
  // Our own id, claimed before the request: its events may arrive before the reply.
  const playbackId = `dialer-${randomUUID()}`;
  d.telephony.claimPlayback(playbackId, 'dialer');
  try {
    await d.telephony.pbx.play({ kind: 'channel', id: s.channelId }, media, { playbackId });
  } catch (err) {
    if (!isGone(err)) d.log.warn({ err, callId: s.callId }, 'dialer: message could not play');
    return { type: 'playbackFinished', heard: false, now: d.telephony.now() };
  }
  return { type: 'messagePlaying', playbackId, now: d.telephony.now() };
}

/** 'gone': the channel was gone already (its destroy event may have been lost). */
export async function hangup(d: EffectDeps, s: AttemptState): Promise<'sent' | 'gone' | 'failed'> {
  try {
    await d.telephony.pbx.hangup(s.channelId);
    return 'sent';
  } catch (err) {
    if (isGone(err)) return 'gone';
    d.log.warn({ err, callId: s.callId }, 'dialer: hang-up failed');
    return 'failed';
  }
}

export async function startAmd(d: EffectDeps, s: AttemptState): Promise<void> {
  try {
    await d.telephony.pbx.startAmd(s.channelId);
  } catch (err) {
    // Gone meanwhile: its end is reported (or the AMD deadline ends the wait).
    if (!isGone(err)) d.log.warn({ err, callId: s.callId }, 'dialer: AMD could not start');
  }
}
