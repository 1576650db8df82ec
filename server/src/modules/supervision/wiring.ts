// Carries out monitor steps (core/supervision/monitor-plan.ts): snoops on the agent's leg (claimed as
// supervision's legs through the telephony facade), the small monitor bridge (snoop + supervisor) and
// moves of the supervisor's phone. Runs inside the telephony chain.
import { randomUUID } from 'node:crypto';
import { ignoreGone } from '@ringside/pbx';
import type { MonitorStep } from '../../core/supervision/monitor-plan.ts';
import { cleanupStep } from '../telephony/facade.ts';
import type { LiveTalk } from '../telephony/facade-supervision.ts';
import type { Session, Supervision } from './registry.ts';

export async function runSteps(
  sv: Supervision,
  s: Session,
  talk: LiveTalk,
  steps: MonitorStep[],
): Promise<void> {
  for (const step of steps) await runStep(sv, s, talk, step);
}

async function runStep(sv: Supervision, s: Session, talk: LiveTalk, step: MonitorStep): Promise<void> {
  const pbx = sv.tel.pbx;
  switch (step.type) {
    case 'snoop': {
      const snoopId = randomUUID();
      const entered = sv.waitEntered(snoopId);
      await sv.tel.supervision.snoop({
        callId: s.callId,
        supervisorId: s.supervisorId,
        snoopId,
        agentChannel: s.agentChannel,
        whisper: step.whisper,
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
      if (old) await sv.tel.supervision.hangupLeg(old, 'hang-up of the previous snoop', { callId: s.callId });
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
      await pbx.addToBridge(await sv.tel.supervision.talkBridge(s.callId), [s.phoneChannel]);
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
  if (snoopChannel) await sv.tel.supervision.hangupLeg(snoopChannel, 'hang-up of the snoop', ctx);
  if (monitorBridge)
    await cleanupStep(sv.deps.log, sv.tel.pbx.destroyBridge(monitorBridge), 'monitor bridge removal', {
      ...ctx,
      bridgeId: monitorBridge,
    });
}
