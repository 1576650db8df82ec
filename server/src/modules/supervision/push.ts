// Socket pushes of supervision: the supervisor's own session state, and the agent's "being monitored"
// indicator when the deployment's policy shows it (never otherwise: the agent's console gets nothing).
import type { MonitorMode } from '../../contracts/supervision.ts';
import type { SupervisionDeps } from './registry.ts';
import { loadSettings } from './settings.ts';

export function pushSession(
  deps: Pick<SupervisionDeps, 'io' | 'db' | 'log'>,
  s: { callId: string; agentId: string; supervisorId: string },
  mode: MonitorMode | null,
): void {
  deps.io
    .to(`user:${s.supervisorId}`)
    .emit('supervision:monitor', { callId: s.callId, mode, audience: 'supervisor' });
  // Off the call path: the policy is read from the database.
  void loadSettings(deps.db)
    .then((p) => {
      if (p.agentsSeeMonitoring)
        deps.io
          .to(`user:${s.agentId}`)
          .emit('supervision:monitor', { callId: s.callId, mode, audience: 'agent' });
    })
    .catch((err: unknown) => deps.log.warn({ err }, 'supervision: monitored indicator not pushed'));
}
