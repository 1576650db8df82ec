// Click-to-dial (POST /api/calls/dial): the agent's own phone rings first; once the agent answers, the
// number is dialed and both are bridged. One outbound call row, completed when either side hangs up.
import { originateLeg } from './originate-leg.ts';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { calls } from '../../db/schema/calls.ts';
import { insertLiveCall, teamOf } from './call-record.ts';
import { phoneOf } from './config-store.ts';
import { cleanupStep } from './pbx-cleanup.ts';
import { buildPopData } from './pop.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { OutboundDial, PopData } from './types.ts';

export type { OutboundDial };
import { startCall } from '../../core/call/call-machine.ts';

/** A number shared by several parties: the one whose page the agent dialed from owns the call record. */
export function preferParty(pop: PopData, partyId: string | undefined): PopData {
  const all = pop.party ? [pop.party, ...pop.otherMatches] : [];
  const chosen = partyId ? all.find((p) => p.id === partyId) : undefined;
  if (!chosen || chosen === pop.party) return pop;
  return { ...pop, party: chosen, otherMatches: all.filter((p) => p !== chosen) };
}

/** The pop of a number about to be dialed; a database read, so done before entering the chain. */
export async function dialPop(rt: TelephonyRuntime, number: string, partyId?: string): Promise<PopData> {
  return preferParty(await buildPopData(rt.deps.db, number, rt.deps.config.PHONE_DEFAULT_REGION), partyId);
}

/** Inside the chain. `written` settles once the call's row exists (the API answers with its id). */
export async function startClickToDial(
  rt: TelephonyRuntime,
  agentId: string,
  number: string,
  pop: PopData,
): Promise<{ id: string; written: Promise<void> }> {
  const id = randomUUID();
  const { state } = startCall({ callId: id, did: '', callerNumber: number, now: rt.now() });
  const { written } = insertLiveCall(
    rt,
    { id, direction: 'outbound', state, did: '', callerNumber: number, pop },
    { calledNumber: number, agentId },
  );
  const agentChannel = randomUUID();
  rt.dials.set(id, {
    id,
    agentId,
    number,
    agentChannel,
    farChannel: null,
    bridgeId: null,
    startedAt: rt.now(),
    answeredAt: null,
  });
  rt.liveStore.touchDial(id);
  await originateLeg(
    rt,
    { kind: 'dialAgent', callId: id, agentId },
    {
      target: phoneOf(rt.agentConfigs, agentId),
      channelId: agentChannel,
      appArgs: ['dial', id, agentId],
      callerId: { number, name: pop.party?.name },
      timeoutSec: 30,
    },
  );
  return { id, written };
}

export async function onDialAgentAnswered(rt: TelephonyRuntime, callId: string): Promise<void> {
  const d = rt.dials.get(callId);
  if (!d) return;
  d.farChannel = randomUUID();
  d.bridgeId = await rt.pbx.createBridge('mixing', { bridgeId: `call-${callId}` });
  rt.liveStore.touchDial(d.id);
  await rt.pbx.addToBridge(d.bridgeId, [d.agentChannel]);
  await originateLeg(
    rt,
    { kind: 'dialOut', callId },
    {
      target: { kind: 'number', number: d.number },
      channelId: d.farChannel,
      appArgs: ['dial-out', callId],
      timeoutSec: 60,
    },
  );
}

export async function onDialOutAnswered(rt: TelephonyRuntime, callId: string): Promise<void> {
  const d = rt.dials.get(callId);
  if (!d?.farChannel || !d.bridgeId) return;
  d.answeredAt = rt.now();
  rt.liveStore.touchDial(d.id);
  await rt.pbx.addToBridge(d.bridgeId, [d.farChannel]);
}

export async function onDialLegGone(
  rt: TelephonyRuntime,
  callId: string,
  side: 'dialAgent' | 'dialOut',
  cause: string,
  /** Who ended it when it was not the leg's own party: a supervisor, or recovery finding it gone. */
  endedBy?: 'system',
): Promise<void> {
  const d = rt.dials.get(callId);
  if (!d) return;
  rt.dials.delete(callId);
  rt.liveStore.touchDial(callId);
  for (const ch of [d.agentChannel, d.farChannel]) {
    if (!ch || !rt.channels.has(ch)) continue;
    rt.channels.delete(ch);
    await cleanupStep(rt.log, rt.pbx.hangup(ch), 'hang-up of a click-to-dial leg', { callId, channelId: ch });
  }
  if (d.bridgeId)
    await cleanupStep(rt.log, rt.pbx.destroyBridge(d.bridgeId), 'click-to-dial bridge removal', {
      callId,
      bridgeId: d.bridgeId,
    });
  const now = rt.now();
  rt.events.emit({ kind: 'dialEnded', callId, at: now });
  const row = {
    outcome: d.answeredAt ? ('completed' as const) : ('failed' as const),
    hangupSide: endedBy ?? (side === 'dialAgent' ? ('agent' as const) : ('caller' as const)),
    cause,
    answeredAt: d.answeredAt ? new Date(d.answeredAt) : null,
    endedAt: new Date(now),
    waitMs: 0,
    talkMs: d.answeredAt ? now - d.answeredAt : 0,
    holdMs: 0,
    agentId: d.agentId,
    ownerId: d.agentId,
    agentPath: [d.agentId],
  };
  rt.writes.enqueue(`finish click-to-dial ${callId}`, async () =>
    rt.deps.db
      .update(calls)
      .set({ ...row, teamId: await teamOf(rt, d.agentId) })
      .where(and(eq(calls.id, callId), eq(calls.outcome, 'live'))),
  );
}
