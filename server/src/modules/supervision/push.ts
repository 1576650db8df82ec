// Socket pushes of supervision: the supervisor's own session state, and the agent's "being monitored"
// indicator when the deployment's policy shows it (never otherwise: the agent's console gets nothing).
import type { MonitorMode } from '../../contracts/supervision.ts';
import type { TelephonyRuntime } from '../telephony/runtime.ts';
import { loadSettings } from './settings.ts';

export function pushSession(
  rt: TelephonyRuntime,
  s: { callId: string; agentId: string; supervisorId: string },
  mode: MonitorMode | null,
): void {
  rt.deps.io
    .to(`user:${s.supervisorId}`)
    .emit('supervision:monitor', { callId: s.callId, mode, audience: 'supervisor' });
  // Off the call path: the policy is read from the database.
  void loadSettings(rt.deps.db)
    .then((p) => {
      if (p.agentsSeeMonitoring)
        rt.deps.io
          .to(`user:${s.agentId}`)
          .emit('supervision:monitor', { callId: s.callId, mode, audience: 'agent' });
    })
    .catch((err: unknown) => rt.log.warn({ err }, 'supervision: monitored indicator not pushed'));
}
