// eventsPerSecPerCore: PBX events through the call-control intake, on one core: the ARI JSON text as it
// arrives on the websocket → JSON.parse → the adapter's mapper (vendor JSON → typed PbxEvent) → the
// dispatcher (channel registry lookup → the owning module's handler, which enqueues it). The events are
// the recorded ARI shapes of the adapter's tests (pbx/src/asterisk/ari-fixtures.test-data.ts), replayed
// as the 13 events of one ACD call (caller enters, answered, a prompt, the agent leg dialed, answered and
// bridged, both hang up), with ids rewritten per call; legs are claimed in the registry as the runtime would.
import type { PbxEvent } from '@ringside/pbx';
import * as ari from '../../pbx/src/asterisk/ari-fixtures.test-data.ts';
import type { AriEvent } from '../../pbx/src/asterisk/ari-json.ts';
import { mapAriEvent } from '../../pbx/src/asterisk/map-event.ts';
import { ChannelRegistry } from '../../server/src/modules/telephony/channel-registry.ts';
import { PbxDispatcher } from '../../server/src/modules/telephony/pbx-dispatcher.ts';

function withIds(e: AriEvent, callerId: string, agentId: string, leg: 'caller' | 'agent'): AriEvent {
  const id = leg === 'caller' ? callerId : agentId;
  const copy = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
  const ch = copy.channel as Record<string, unknown> | undefined;
  if (ch) ch.id = id;
  const pb = copy.playback as Record<string, unknown> | undefined;
  if (pb) pb.target_uri = `channel:${callerId}`;
  return copy as unknown as AriEvent;
}

/** The 13 websocket frames of one call, as text. */
function callFrames(n: number): string[] {
  const caller = `17957.${n}`;
  const agent = `17957.${n}a`;
  const seq: [AriEvent, 'caller' | 'agent'][] = [
    [ari.stasisStart, 'caller'],
    [ari.stateUp, 'caller'],
    [ari.playbackStarted, 'caller'],
    [ari.playbackFinished('done'), 'caller'],
    [ari.dial, 'agent'],
    [ari.stateRinging, 'agent'],
    [{ ...ari.stasisStart, args: ['agent', `call-${n}`, 'a1'] } as AriEvent, 'agent'],
    [ari.enteredBridge, 'caller'],
    [ari.enteredBridge, 'agent'],
    [ari.hangupRequest, 'caller'],
    [ari.destroyed(16, 'Normal Clearing'), 'caller'],
    [ari.stasisEnd, 'agent'],
    [ari.destroyed(16, 'Normal Clearing'), 'agent'],
  ];
  return seq.map(([e, leg]) => JSON.stringify(withIds(e, caller, agent, leg)));
}

export function measureDispatch(calls: number): {
  events: number;
  cpuMs: number;
  eventsPerSecPerCore: number;
} {
  const frames = Array.from({ length: calls }, (_, i) => callFrames(i));
  const registry = new ChannelRegistry();
  const dispatcher = new PbxDispatcher(registry, (err) => {
    throw err;
  });
  const queued: PbxEvent[] = [];
  dispatcher.register('telephony', (e) => void queued.push(e));
  dispatcher.register('dialer', (e) => void queued.push(e));
  dispatcher.register('supervision', (e) => void queued.push(e));
  let events = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    registry.set(`17957.${i}`, { kind: 'caller', callId: `call-${i}` });
    registry.set(`17957.${i}a`, { kind: 'agentLeg', callId: `call-${i}`, agentId: 'a1' });
    for (const frame of frames[i]!) {
      // Counted per ARI event (frame); one frame may map to two port events (state change + answered).
      for (const e of mapAriEvent(JSON.parse(frame) as AriEvent)) dispatcher.dispatch(e);
      events += 1;
    }
    registry.delete(`17957.${i}`);
    registry.delete(`17957.${i}a`);
    // The runtime's chain drains the queue; keep the benchmark's memory flat the same way.
    if (queued.length > 10_000) queued.length = 0;
  }
  const used = process.cpuUsage(cpu0);
  const cpuMs = (used.user + used.system) / 1000;
  return { events, cpuMs, eventsPerSecPerCore: Math.round(events / (cpuMs / 1000)) };
}
