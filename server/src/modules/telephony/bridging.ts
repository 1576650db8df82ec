// The caller's media: hold music while queued or held, a mixing bridge with the agent while talking.
// Hold is done on the server (caller out of the bridge, with music) so the caller always hears music,
// whatever the agent's phone does.
import { startCallRecording } from './recording.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export async function startQueueMusic(rt: TelephonyRuntime, call: LiveCall, queueId: string): Promise<void> {
  // A blind transfer to a queue brings the caller back from the talk bridge.
  if (call.bridgeId) await rt.pbx.removeFromBridge(call.bridgeId, [call.callerChannel]).catch(() => undefined);
  call.lastAnnouncedAt = null;
  await rt.pbx.startMoh(call.callerChannel, rt.queues.get(queueId)?.musicClass ?? 'default');
}

export async function ensureTalkBridge(rt: TelephonyRuntime, call: LiveCall): Promise<string> {
  if (!call.bridgeId) call.bridgeId = await rt.pbx.createBridge('mixing', { bridgeId: `call-${call.id}`, name: `call-${call.id}` });
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
  if (call.playbackId) await rt.pbx.stopPlayback(call.playbackId).catch(() => undefined);
  await rt.pbx.stopMoh(call.callerChannel).catch(() => undefined);
  await rt.pbx.addToBridge(bridge, [call.callerChannel, leg]);
  const queueId = call.state.status.kind === 'answered' ? call.state.status.queueId : null;
  if (queueId && rt.queues.get(queueId)?.recordCalls && !call.recording) await startCallRecording(rt, call, bridge);
}

export async function holdCaller(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  if (call.bridgeId) await rt.pbx.removeFromBridge(call.bridgeId, [call.callerChannel]);
  await rt.pbx.startMoh(call.callerChannel, queueMusic(rt, call));
}

export async function resumeCaller(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  await rt.pbx.stopMoh(call.callerChannel).catch(() => undefined);
  const bridge = await ensureTalkBridge(rt, call);
  await rt.pbx.addToBridge(bridge, [call.callerChannel]);
}

function queueMusic(rt: TelephonyRuntime, call: LiveCall): string {
  const s = call.state.status;
  const queueId = 'queueId' in s ? s.queueId : null;
  return (queueId && rt.queues.get(queueId)?.musicClass) || 'default';
}
