// A call arrives on a DID (Stasis args ['inbound', <did>]): the caller is looked up for the screen pop,
// the call row is written, the caller answered, then the DID's target takes over (queue, IVR menu,
// voicemail). A DID we do not know goes to the fallback announcement rather than silence.
import { newLiveCall } from './live-call.ts';
import { randomUUID } from 'node:crypto';
import { ignoreGone, type PbxEventOf } from '@ringside/pbx';
import { startCall } from '../../core/call/call-machine.ts';
import { insertLiveCall, recordParty } from './call-record.ts';
import { encodeLegTag, LEG_TAG_VARIABLE } from './leg-tag.ts';
import type { DidRow } from './config-store.ts';
import { ringUser } from './direct-user.ts';
import { startIvr } from './ivr-runtime.ts';
import { sendToVoicemail } from './media.ts';
import { buildPopData } from './pop.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export function findDid(rt: TelephonyRuntime, dialed: string): DidRow | undefined {
  return rt.dids.get(dialed) ?? rt.dids.get(dialed.startsWith('+') ? dialed.slice(1) : `+${dialed}`);
}

function languagesOf(rt: TelephonyRuntime, did: DidRow, queueId: string | null): string[] {
  const raw = did.languages ?? (queueId ? rt.queues.get(queueId)?.languages : undefined) ?? 'zh&en';
  return raw.split('&').filter((l) => /^[a-z]{2}$/.test(l));
}

/** enteredAt: when recovery adopts a caller that entered before this process, its channel's creation. */
export async function onInboundCall(
  rt: TelephonyRuntime,
  e: PbxEventOf<'callEntered'>,
  enteredAt?: number,
): Promise<void> {
  const dialed = e.args[1] ?? e.dialedExten;
  const did = findDid(rt, dialed);
  if (!did) {
    rt.log.warn({ did: dialed }, 'telephony: call to an unconfigured DID, playing the fallback');
    // A caller who hung up meanwhile needs no announcement.
    await ignoreGone(rt.pbx.playFallback(e.channelId, dialed));
    return;
  }
  const now = enteredAt ?? rt.now();
  const id = randomUUID();
  const { state } = startCall({ callId: id, did: dialed, callerNumber: e.callerNumber, now });
  const queueId = did.targetKind === 'queue' ? did.targetId : null;
  const call = newLiveCall({
    id,
    direction: 'inbound',
    state,
    callerChannel: e.channelId,
    did: dialed,
    callerNumber: e.callerNumber,
    pop: { callerE164: null, party: null, otherMatches: [], customer360: null },
    popPending: true,
    languages: languagesOf(rt, did, queueId),
  });
  rt.calls.set(id, call);
  rt.channels.set(e.channelId, { kind: 'caller', callId: id });
  // The pop lookup runs beside the event chain: one slow query must not hold up other callers' events.
  // Routing waits for it (routing.ts), so the pop still reaches the console before the phone rings.
  lookupPop(rt, call);
  insertLiveCall(rt, call);
  // The tag lets a restarted server recognise this caller from the PBX alone (recovery.ts).
  await rt.pbx.setVariable(e.channelId, LEG_TAG_VARIABLE, encodeLegTag({ kind: 'caller', callId: id }));
  await rt.pbx.answer(e.channelId);
  await routeTo(rt, call, did.targetKind, did.targetId);
}

/** Fills the call's pop off the chain, then hands it back to the chain (and to routing). */
export function lookupPop(rt: TelephonyRuntime, call: LiveCall): void {
  buildPopData(rt.deps.db, call.callerNumber, rt.deps.config.PHONE_DEFAULT_REGION).then(
    (pop) =>
      rt.run(() => {
        call.pop = pop;
        call.popPending = false;
        rt.liveStore.touchCall(call.id);
        rt.wantRoute();
        recordParty(rt, call);
      }),
    (err: unknown) =>
      rt.run(() => {
        // Routed without a match rather than never: the agent gets the number and the quick-create form.
        rt.log.warn({ err, callId: call.id }, 'telephony: pop lookup failed');
        call.popPending = false;
        rt.wantRoute();
      }),
  );
}

/** Sends a call that is not yet queued to a DID / IVR target. */
export async function routeTo(
  rt: TelephonyRuntime,
  call: LiveCall,
  kind: string,
  target: string,
): Promise<void> {
  if (kind === 'queue' && rt.queues.has(target)) {
    await rt.ops.applyCall(call, {
      type: 'queue',
      queueId: target,
      priority: rt.queues.get(target)!.priority,
      now: rt.now(),
    });
    return;
  }
  if (kind === 'ivr' || kind === 'menu') {
    await startIvr(rt, call, target);
    return;
  }
  if (kind === 'user') {
    await ringUser(rt, call, target);
    return;
  }
  if (kind === 'voicemail') {
    await sendToVoicemail(rt, call, target);
    await rt.ops.applyCall(call, { type: 'hangup', side: 'system', cause: 'voicemail', now: rt.now() });
    return;
  }
  rt.log.warn({ callId: call.id, kind, target }, 'telephony: no such route target');
  await rt.ops.applyCall(call, { type: 'hangup', side: 'system', cause: 'no-route', now: rt.now() });
  await ignoreGone(rt.pbx.hangup(call.callerChannel));
}
