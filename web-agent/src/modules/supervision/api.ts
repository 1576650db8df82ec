// REST calls of the supervision module. Shapes from server/src/contracts/supervision.ts (types only).
import { api } from '../../services/api.ts';
import type {
  LiveCallView,
  MonitorMode,
  MonitorSession,
} from '../../../../server/src/contracts/supervision.ts';

export type { LiveCallView, MonitorMode, MonitorSession };

const base = (callId: string) => `/api/supervision/calls/${encodeURIComponent(callId)}`;

export const supervisionApi = {
  liveCalls: () => api.get<{ items: LiveCallView[] }>('/api/supervision/calls').then((r) => r.items),
  monitor: (callId: string, mode: MonitorMode) =>
    api.post<MonitorSession>(`${base(callId)}/monitor`, { mode }),
  stop: (callId: string) => api.request<void>(`${base(callId)}/monitor`, { method: 'DELETE' }),
  hangup: (callId: string) => api.post<void>(`${base(callId)}/hangup`, {}),
  takeOver: (callId: string) => api.post<MonitorSession>(`${base(callId)}/takeover`, {}),
  /** Queue names for the live calls table (GET /api/queues is readable by supervisors). */
  queues: () =>
    api
      .get<{ id: string; name: string }[] | { items: { id: string; name: string }[] }>('/api/queues')
      .then((r) => (Array.isArray(r) ? r : r.items)),
  settings: () => api.get<{ agentsSeeMonitoring: boolean }>('/api/supervision/settings'),
  saveSettings: (agentsSeeMonitoring: boolean) =>
    api.request<{ agentsSeeMonitoring: boolean }>('/api/supervision/settings', {
      method: 'PUT',
      body: { agentsSeeMonitoring },
    }),
};
