// Carries out monitor steps (core/supervision/monitor-plan.ts) through the PBX port: snoops on the
// agent's leg, the small monitor bridge (snoop + supervisor), and moves of the supervisor's phone.
import { randomUUID } from 'node:crypto';
import { ignoreGone } from '@ringside/pbx';
import { cleanupStep } from '../telephony/pbx-cleanup.ts';
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
      // The new snoop is in place; an old one that cannot be hung up is logged, not a failed mode switch.
      if (old)
        await cleanupStep(sv.rt.log, pbx.hangup(old), 'hang-up of the previous snoop', {
          callId: s.callId,
          channelId: old,
        });
      return;
    }
    case 'dropSnoop':
      return dropSnoop(sv, s);
    case 'phoneToMonitorBridge':
      if (!s.monitorBridge) throw new Error('no monitor bridge');
      // Gone: the call's bridge went with the call, or the phone left it already.
      if (s.inCallBridge && talk.bridgeId)
        await ignoreGone(pbx.removeFromBridge(talk.bridgeId, [s.phoneChannel]));
      s.inCallBridge = false;
      await pbx.addToBridge(s.monitorBridge, [s.phoneChannel]);
      return;
    case 'phoneToCallBridge': {
      if (s.monitorBridge) await ignoreGone(pbx.removeFromBridge(s.monitorBridge, [s.phoneChannel]));
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
  const ctx = { callId: s.callId, supervisorId: s.supervisorId };
  if (snoopChannel)
    await cleanupStep(sv.rt.log, sv.rt.pbx.hangup(snoopChannel), 'hang-up of the snoop', {
      ...ctx,
      channelId: snoopChannel,
    });
  if (monitorBridge)
    await cleanupStep(sv.rt.log, sv.rt.pbx.destroyBridge(monitorBridge), 'monitor bridge removal', {
      ...ctx,
      bridgeId: monitorBridge,
    });
}
