// REST calls of the admin console: queues, DIDs, IVR menus, pause codes, dispositions, agent profiles.
// Request bodies are the server's own contract types, so a renamed field fails the typecheck here.
import type { AgentProfileBody, CodeBody, DidBody, IvrMenuBody, QueueCreateBody } from '../../../../server/src/contracts/telephony.ts';
import { api } from '../../services/api.ts';

export type { AgentProfileBody, CodeBody, DidBody, IvrMenuBody };

// The contract's strategy is a union built from a list, which does not survive as a type here.
export type QueueStrategy = 'ringAll' | 'longestIdle' | 'fewestCalls' | 'roundRobin' | 'skillsBased';
export type QueueBody = Omit<QueueCreateBody, 'strategy'> & { strategy?: QueueStrategy };

export interface QueueRow extends Required<Omit<QueueCreateBody, 'members' | 'strategy'>> {
  id: string;
  strategy: QueueStrategy;
  members: { userId: string; penalty: number }[];
}
export interface DidRow extends Required<Omit<DidBody, 'name' | 'languages'>> {
  id: string;
  name: string;
  languages: string | null;
}
export interface IvrMenuRow {
  id: string;
  name: string;
  promptId: string;
  options: IvrMenuBody['options'];
  timeoutSec: number;
  maxRetries: number;
  fallback: IvrMenuBody['fallback'];
}
export interface CodeRow {
  code: string;
  label: string;
  labelEn: string | null;
  sortOrder: number;
  active: boolean;
}
export interface AgentRow {
  id: string;
  displayName: string;
  username: string;
  skills: Record<string, number>;
  dialTarget: string | null;
}
export type CodeKind = 'pause-codes' | 'dispositions';

const items = <T>(p: Promise<{ items: T[] }>) => p.then((r) => r.items);

export const adminApi = {
  queues: () => items(api.get<{ items: QueueRow[] }>('/api/queues')),
  createQueue: (body: QueueBody) => api.post<QueueRow>('/api/queues', body),
  updateQueue: (id: string, body: Partial<QueueBody>) => api.request<QueueRow>(`/api/queues/${id}`, { method: 'PATCH', body }),
  deleteQueue: (id: string) => api.request<void>(`/api/queues/${id}`, { method: 'DELETE' }),

  dids: () => items(api.get<{ items: DidRow[] }>('/api/dids')),
  createDid: (body: DidBody) => api.post<DidRow>('/api/dids', body),
  updateDid: (id: string, body: DidBody) => api.request<DidRow>(`/api/dids/${id}`, { method: 'PUT', body }),
  deleteDid: (id: string) => api.request<void>(`/api/dids/${id}`, { method: 'DELETE' }),

  menus: () => items(api.get<{ items: IvrMenuRow[] }>('/api/ivr-menus')),
  createMenu: (body: IvrMenuBody) => api.post<IvrMenuRow>('/api/ivr-menus', body),
  updateMenu: (id: string, body: IvrMenuBody) => api.request<IvrMenuRow>(`/api/ivr-menus/${id}`, { method: 'PUT', body }),
  deleteMenu: (id: string) => api.request<void>(`/api/ivr-menus/${id}`, { method: 'DELETE' }),

  codes: (kind: CodeKind) => items(api.get<{ items: CodeRow[] }>(`/api/${kind}`)),
  createCode: (kind: CodeKind, body: CodeBody) => api.post<CodeRow>(`/api/${kind}`, body),
  updateCode: (kind: CodeKind, code: string, body: Omit<CodeBody, 'code'>) => api.request<CodeRow>(`/api/${kind}/${encodeURIComponent(code)}`, { method: 'PATCH', body }),
  deleteCode: (kind: CodeKind, code: string) => api.request<void>(`/api/${kind}/${encodeURIComponent(code)}`, { method: 'DELETE' }),

  agents: () => items(api.get<{ items: AgentRow[] }>('/api/agents')),
  saveProfile: (id: string, body: AgentProfileBody) => api.request<AgentRow>(`/api/agents/${id}/profile`, { method: 'PUT', body }),
};
