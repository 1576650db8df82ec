// REST calls of the recordings module. Shapes from server/src/contracts/recordings.ts (types only).
import { api } from '../../services/api.ts';
import type {
  RecordingListItem,
  RecordingPauseStatePayload,
  RecordingSearchQuery,
  RecordingWaveform,
  RetentionSettings,
} from '../../../../server/src/contracts/recordings.ts';

export type { RecordingListItem, RecordingPauseStatePayload, RecordingWaveform, RetentionSettings };
export type RecordingFilters = Partial<Omit<RecordingSearchQuery, 'limit' | 'offset'>> & { limit?: number; offset?: number };

const enc = encodeURIComponent;
type Option = { id: string; name: string };
const items = <T>(body: T[] | { items: T[] }): T[] => (Array.isArray(body) ? body : body.items);

/** Query string of the set filters only (empty strings and undefined are left out). */
export function filterQuery(f: RecordingFilters): string {
  return new URLSearchParams(
    Object.entries(f)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
}

export const recordingsApi = {
  search: (f: RecordingFilters) => api.get<{ items: RecordingListItem[]; total: number }>(`/api/recordings?${filterQuery(f)}`),
  waveform: (id: string, buckets: number) => api.get<RecordingWaveform>(`/api/recordings/${enc(id)}/waveform?buckets=${buckets}`),
  audioUrl: (id: string) => `/api/recordings/${enc(id)}`,
  downloadUrl: (id: string) => `/api/recordings/${enc(id)}?download=true`,
  retention: () => api.get<RetentionSettings>('/api/recordings/retention'),
  saveRetention: (retentionDays: number) => api.request<RetentionSettings>('/api/recordings/retention', { method: 'PUT', body: { retentionDays } }),
  pauseState: (callId: string) => api.get<RecordingPauseStatePayload>(`/api/calls/${enc(callId)}/recording`),
  pause: (callId: string) => api.post<RecordingPauseStatePayload>(`/api/calls/${enc(callId)}/recording/pause`, {}),
  resume: (callId: string) => api.post<RecordingPauseStatePayload>(`/api/calls/${enc(callId)}/recording/resume`, {}),
  // Filter choices; a list the user may not read (403) just leaves that filter empty.
  agents: async (): Promise<Option[]> =>
    items(await api.get<{ id: string; displayName: string | null; username: string }[] | { items: { id: string; displayName: string | null; username: string }[] }>('/api/agents')).map((a) => ({ id: a.id, name: a.displayName || a.username })),
  queues: async (): Promise<Option[]> => items(await api.get<Option[] | { items: Option[] }>('/api/queues')),
  campaigns: async (): Promise<Option[]> => items(await api.get<Option[] | { items: Option[] }>('/api/campaigns')),
  dispositions: async () => items(await api.get<{ code: string; label: string; labelEn?: string | null }[] | { items: { code: string; label: string; labelEn?: string | null }[] }>('/api/dispositions')),
};
