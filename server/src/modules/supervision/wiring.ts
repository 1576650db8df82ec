// Carries out monitor steps (core/supervision/monitor-plan.ts) through the PBX port: snoops on the
// agent's leg, the small monitor bridge (snoop + supervisor), and moves of the supervisor's phone.
import { randomUUID } from 'node:crypto';
import type { MonitorStep } from '../../core/supervision/monitor-plan.ts';
import type { Session, Supervision } from './registry.ts';
import type { LiveTalk } from './target.ts';

export async function runSteps(
  sv: Supervision,
  s: Session,
  talk: LiveTalk,
  steps: MonitorStep[],
): Promise<void> {
  for (const step of steps) await runStep(sv, s, talk, step);
}

async function runStep(sv: Supervision, s: Session, talk: LiveTalk, step: MonitorStep): Promise<void> {
  const pbx = sv.rt.pbx;
  switch (step.type) {
    case 'snoop': {
      const snoopId = randomUUID();
      const entered = sv.waitEntered(snoopId);
      await pbx.snoop({
        channelId: s.agentChannel,
        spy: 'both',
        whisper: step.whisper,
        appArgs: ['snoop', s.callId],
        snoopId,
      });
      await entered;
      s.monitorBridge ??= await pbx.createBridge('mixing', {
        bridgeId: `monitor-${s.callId}-${snoopId.slice(0, 8)}`,
        name: `monitor-${s.callId}`,
      });
      await pbx.addToBridge(s.monitorBridge, [snoopId]);
      const old = s.snoopChannel;
      s.snoopChannel = snoopId;
      if (old) await pbx.hangup(old).catch(() => undefined);
      return;
    }
    case 'dropSnoop':
      return dropSnoop(sv, s);
    case 'phoneToMonitorBridge':
      if (!s.monitorBridge) throw new Error('no monitor bridge');
      if (s.inCallBridge && talk.bridgeId)
        await pbx.removeFromBridge(talk.bridgeId, [s.phoneChannel]).catch(() => undefined);
      s.inCallBridge = false;
      await pbx.addToBridge(s.monitorBridge, [s.phoneChannel]);
      return;
    case 'phoneToCallBridge': {
      if (s.monitorBridge)
        await pbx.removeFromBridge(s.monitorBridge, [s.phoneChannel]).catch(() => undefined);
      await pbx.addToBridge(await talk.bridge(), [s.phoneChannel]);
      s.inCallBridge = true;
      return;
    }
  }
}

/** Hangs up the snoop and destroys the monitor bridge (a phone still in it is simply left bridgeless). */
export async function dropSnoop(sv: Supervision, s: Session): Promise<void> {
  const { snoopChannel, monitorBridge } = s;
  s.snoopChannel = null;
  s.monitorBridge = null;
  if (snoopChannel) await sv.rt.pbx.hangup(snoopChannel).catch(() => undefined);
  if (monitorBridge) await sv.rt.pbx.destroyBridge(monitorBridge).catch(() => undefined);
}
