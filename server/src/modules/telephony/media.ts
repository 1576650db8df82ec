// Prompts that end a call's stay with us: overflow to a message (play, then hang up) or to voicemail
// (greeting, beep, record until # or silence, then a voicemail row the console can play).
import type { MediaUri } from '@ringside/pbx';
import { recordings, voicemails } from '../../db/schema/calls.ts';
import { cleanupStep } from './pbx-cleanup.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

const prompts = (call: LiveCall, id: string): MediaUri[] =>
  call.languages.map((l): MediaUri => `sound:ringside/${l}/${id}`);

/** Before the message or greeting: the queue's media stops (or is logged as not stopped; the prompt plays anyway). */
async function stopQueueMedia(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  const ctx = { callId: call.id };
  if (call.playbackId)
    await cleanupStep(rt.log, rt.pbx.stopPlayback(call.playbackId), 'stopping the announcement', ctx);
  call.playbackId = null;
  await cleanupStep(rt.log, rt.pbx.stopMoh(call.callerChannel), 'stopping music on hold', ctx);
}

export async function playMessageThenHangup(
  rt: TelephonyRuntime,
  call: LiveCall,
  promptId: string,
): Promise<void> {
  await stopQueueMedia(rt, call);
  const id = await rt.pbx.play({ kind: 'channel', id: call.callerChannel }, prompts(call, promptId));
  rt.playbacks.set(id, { callId: call.id, then: 'hangup' });
}

/** mailbox: "queue:<id>", "user:<id>" or a bare queue id. */
export async function sendToVoicemail(rt: TelephonyRuntime, call: LiveCall, mailbox: string): Promise<void> {
  await stopQueueMedia(rt, call);
  const [kind, id] = mailbox.includes(':') ? (mailbox.split(':', 2) as [string, string]) : ['queue', mailbox];
  rt.voicemailBoxes.set(call.id, { kind: kind === 'user' ? 'user' : 'queue', id });
  const playback = await rt.pbx.play(
    { kind: 'channel', id: call.callerChannel },
    prompts(call, 'voicemail-greeting'),
  );
  rt.playbacks.set(playback, { callId: call.id, then: 'record' });
}

/** After the greeting: record the message on the caller's channel. */
export async function recordVoicemail(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  const name = `vm-${call.id}`;
  const [rec] = await rt.deps.db
    .insert(recordings)
    .values({ callId: call.id, name, kind: 'voicemail' })
    .onConflictDoNothing()
    .returning({ id: recordings.id });
  const box = rt.voicemailBoxes.get(call.id) ?? { kind: 'queue' as const, id: '' };
  await rt.deps.db.insert(voicemails).values({
    callId: call.id,
    mailboxKind: box.kind,
    mailboxId: box.id,
    recordingId: rec?.id ?? null,
    callerNumber: call.callerNumber,
  });
  await rt.pbx.recordChannel(call.callerChannel, {
    name,
    format: 'wav',
    beep: true,
    maxDurationSec: 120,
    maxSilenceSec: 10,
    terminateOn: '#',
    ifExists: 'overwrite',
  });
}
