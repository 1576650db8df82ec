// The caller's media: hold music while queued or held, a mixing bridge with the agent while talking.
// Hold is done on the server (caller out of the bridge, with music) so the caller always hears music,
// whatever the agent's phone does.
import { ignoreGone } from '@ringside/pbx';
import { cleanupStep } from './pbx-cleanup.ts';
import { startCallRecording } from './recording.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export async function startQueueMusic(rt: TelephonyRuntime, call: LiveCall, queueId: string): Promise<void> {
  // A blind transfer to a queue brings the caller back from the talk bridge (gone: held, so not in it).
  if (call.bridgeId) await ignoreGone(rt.pbx.removeFromBridge(call.bridgeId, [call.callerChannel]));
  call.lastAnnouncedAt = null;
  await rt.pbx.startMoh(call.callerChannel, rt.queues.get(queueId)?.musicClass ?? 'default');
}

export async function ensureTalkBridge(rt: TelephonyRuntime, call: LiveCall): Promise<string> {
  if (!call.bridgeId)
    call.bridgeId = await rt.pbx.createBridge('mixing', {
      bridgeId: `call-${call.id}`,
      name: `call-${call.id}`,
    });
  return call.bridgeId;
}

export async function bridgeWithAgent(rt: TelephonyRuntime, call: LiveCall, agentId: string): Promise<void> {
  const leg = call.legs.get(agentId);
  if (!leg) throw new Error(`no leg for agent ${agentId}`);
  call.legs.delete(agentId);
  call.agentChannel = leg;
  call.agentId = agentId;
  if (!call.agentPath.includes(agentId)) call.agentPath.push(agentId);
  const bridge = await ensureTalkBridge(rt, call);
  // The queue's media stops first; if it cannot, the caller still reaches the agent (that is what counts).
  const ctx = { callId: call.id, agentId };
  if (call.playbackId)
    await cleanupStep(rt.log, rt.pbx.stopPlayback(call.playbackId), 'stopping the announcement', ctx);
  await cleanupStep(rt.log, rt.pbx.stopMoh(call.callerChannel), 'stopping music on hold', ctx);
  await rt.pbx.addToBridge(bridge, [call.callerChannel, leg]);
  const queueId = call.state.status.kind === 'answered' ? call.state.status.queueId : null;
  if (queueId && rt.queues.get(queueId)?.recordCalls && !call.recording)
    await startCallRecording(rt, call, bridge);
}

export async function holdCaller(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  if (call.bridgeId) await rt.pbx.removeFromBridge(call.bridgeId, [call.callerChannel]);
  await rt.pbx.startMoh(call.callerChannel, queueMusic(rt, call));
}

export async function resumeCaller(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  await cleanupStep(rt.log, rt.pbx.stopMoh(call.callerChannel), 'stopping hold music', { callId: call.id });
  const bridge = await ensureTalkBridge(rt, call);
  await rt.pbx.addToBridge(bridge, [call.callerChannel]);
}

function queueMusic(rt: TelephonyRuntime, call: LiveCall): string {
  const s = call.state.status;
  const queueId = 'queueId' in s ? s.queueId : null;
  return (queueId && rt.queues.get(queueId)?.musicClass) || 'default';
}
