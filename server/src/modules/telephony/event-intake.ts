// PBX events in, by kind of channel (types.ts ChannelRole). Runs inside the runtime's chain.
import { reprovisionSignedInPhones } from './reprovision.ts';
import { ignoreGone } from '@ringside/pbx';
import type { PbxEvent, PbxEventOf } from '@ringside/pbx';
import { onDialAgentAnswered, onDialLegGone, onDialOutAnswered } from './click-to-dial.ts';
import { onInboundCall } from './inbound.ts';
import { ivrDigit, ivrPromptDone } from './ivr-runtime.ts';
import { onAgentLegAnswered, onAgentLegGone, onCallerGone } from './legs.ts';
import { recordVoicemail } from './media.ts';
import { recordingFinished } from './recording.ts';
import { recordingStartedAt, silencePausedSpans } from './recording-pause.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { reconcile } from './recovery.ts';
import { onConsultAnswered, onConsultGone } from './transfer.ts';
import { deliverVoicemail, isVoicemailRecording } from '../voicemail/deliver.ts';

export async function handlePbxEvent(rt: TelephonyRuntime, e: PbxEvent): Promise<void> {
  switch (e.type) {
    case 'callEntered':
      return onEntered(rt, e);
    case 'channelDestroyed':
      return onGone(rt, e.channelId, e.causeText || String(e.cause), e.outcome);
    case 'channelHungup':
      rt.hangupCauses.set(e.channelId, { cause: e.causeText || String(e.cause), outcome: e.outcome });
      return;
    case 'stasisEnd': {
      // After StasisEnd the app is unsubscribed from the channel: its ChannelDestroyed may never reach
      // us, so leaving the app is the end of the leg (with the cause its hang-up reported).
      const h = rt.hangupCauses.get(e.channelId);
      rt.hangupCauses.delete(e.channelId);
      return onGone(rt, e.channelId, h?.cause ?? 'left', h?.outcome ?? 'answered');
    }
    case 'playbackFinished':
      return onPlaybackFinished(rt, e);
    case 'dtmfReceived': {
      const role = rt.channels.get(e.channelId);
      const call = role?.kind === 'caller' ? rt.calls.get(role.callId) : undefined;
      if (call?.ivr) await ivrDigit(rt, call, e.digit);
      return;
    }
    case 'recordingStarted':
      return recordingStartedAt(rt, e.name);
    case 'recordingFinished':
    case 'recordingFailed': {
      recordingFinished(rt, e.name, e.type === 'recordingFinished' ? e.durationSec : undefined);
      // After the recording's own rows are written (queued in call-writer.ts), and beside the chain:
      // rewriting a long file takes a worker a while, and no call should wait for it.
      const endedAt = rt.now();
      rt.writes.enqueue(`silence paused spans of ${e.name}`, () => {
        silencePausedSpans(rt, e.name, endedAt).catch((err: unknown) =>
          rt.log.error({ err, name: e.name }, 'recording: paused spans not silenced'),
        );
        return Promise.resolve();
      });
      // The caller who left the voicemail may have hung up already.
      if (e.name.startsWith('vm-') && e.target.kind === 'channel')
        await ignoreGone(rt.pbx.hangup(e.target.id));
      if (isVoicemailRecording(e.name)) await deliverVoicemail(rt.deps.db, rt.deps.io, e.name);
      return;
    }
    case 'appReplaced':
      rt.log.error(
        { app: rt.pbx.app },
        'telephony: another connection took over the Stasis app; this process no longer receives calls',
      );
      return;
    case 'connected':
      // The first connection of this process: adopt what a previous process left in the app.
      if (!rt.reconciled) await reconcileNow(rt, 'restart');
      return;
    case 'reconnected':
      // Events were lost while the stream was down: compare what we hold with what the PBX holds.
      rt.log.warn({ downtimeMs: e.downtimeMs }, 'telephony: PBX event stream reconnected');
      reprovisionSignedInPhones(rt).then(
        (n) => n > 0 && rt.log.info({ phones: n }, "telephony: signed-in agents' phones provisioned again"),
        (err: unknown) => rt.log.warn({ err }, 'telephony: provisioning phones again failed'),
      );
      await reconcileNow(rt, rt.reconciled ? 'reconnect' : 'restart');
      return;
    case 'channelStateChanged':
    case 'channelAnswered':
    case 'channelEnteredBridge':
    case 'channelLeftBridge':
    case 'playbackStarted':
    case 'disconnected':
    case 'amdResult':
      return;
  }
}

async function onEntered(rt: TelephonyRuntime, e: PbxEventOf<'callEntered'>): Promise<void> {
  const role = rt.channels.get(e.channelId);
  if (role?.kind === 'agentLeg') return onAgentLegAnswered(rt, e.channelId, role.callId, role.agentId);
  if (role?.kind === 'consultLeg') return onConsultAnswered(rt, e.channelId, role.callId);
  if (role?.kind === 'dialAgent') return onDialAgentAnswered(rt, role.callId);
  if (role?.kind === 'dialOut') return onDialOutAnswered(rt, role.callId);
  if (e.args[0] === 'inbound') return onInboundCall(rt, e);
  // A leg we forgot (cancelled while it was being answered) or a snoop nobody asked for.
  if (['agent', 'consult', 'dial', 'dial-out'].includes(e.args[0] ?? ''))
    await ignoreGone(rt.pbx.hangup(e.channelId));
}

async function reconcileNow(rt: TelephonyRuntime, mode: 'restart' | 'reconnect'): Promise<void> {
  try {
    await reconcile(rt, mode, rt.startedAt);
  } catch (err) {
    // The PBX answered the event stream but not the listing: routing goes on with what we hold, and the
    // next reconnect tries again. Calls that vanished meanwhile still end by their own events.
    rt.log.error({ err, mode }, 'telephony: reconciliation with the PBX failed');
  }
  rt.reconciled = true;
  rt.wantRoute();
}

export async function onGone(
  rt: TelephonyRuntime,
  channelId: string,
  cause: string,
  outcome: string,
): Promise<void> {
  rt.hangupCauses.delete(channelId);
  const role = rt.channels.get(channelId);
  if (!role) return;
  rt.channels.delete(channelId);
  const e = { channelId, outcome };
  switch (role.kind) {
    case 'caller':
      return onCallerGone(rt, role.callId, cause);
    case 'agentLeg':
      return onAgentLegGone(rt, e.channelId, role.callId, role.agentId, cause, e.outcome);
    case 'consultLeg':
      return onConsultGone(rt, e.channelId, role.callId);
    case 'dialAgent':
    case 'dialOut':
      return onDialLegGone(rt, role.callId, role.kind, cause);
    case 'dialer':
    case 'supervisor':
    case 'snoop':
      // Routed to the dialer / supervision by the dispatcher; never telephony's to end.
      return;
  }
}

async function onPlaybackFinished(rt: TelephonyRuntime, e: PbxEventOf<'playbackFinished'>): Promise<void> {
  const p = rt.playbacks.get(e.playbackId);
  if (!p) return;
  rt.playbacks.delete(e.playbackId);
  const call = rt.calls.get(p.callId);
  if (!call) return;
  if (call.playbackId === e.playbackId) call.playbackId = null;
  // The caller may have hung up while the prompt played: nothing left to play to or hang up.
  if (p.then === 'moh' && call.state.status.kind === 'queued')
    await ignoreGone(rt.pbx.startMoh(call.callerChannel));
  if (p.then === 'hangup') await ignoreGone(rt.pbx.hangup(call.callerChannel));
  if (p.then === 'ivr') ivrPromptDone(rt, call);
  if (p.then === 'record')
    await recordVoicemail(rt, call).catch((err: unknown) =>
      rt.log.warn({ err }, 'telephony: voicemail recording failed'),
    );
}
