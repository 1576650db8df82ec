// The call log's filtered query (CC5) and the option lists of its filters. Option lists the user's
// role may not read (agents cannot list agents or queues) come back empty: the select is then hidden.
import { api } from '../../services/api.ts';
import type { CallLogRow } from '../../services/telephony.ts';

export interface CallLogFilters {
  from?: string;
  to?: string;
  agentId?: string;
  queueId?: string;
  customerId?: string;
  campaignId?: string;
  direction?: '' | 'inbound' | 'outbound';
  outcome?: string;
  disposition?: string;
  minTalkSec?: number | null;
  maxTalkSec?: number | null;
  number?: string;
  limit?: number;
  offset?: number;
}

export interface Option {
  value: string;
  label: string;
}

export function callLogQuery(f: CallLogFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== '' && v !== undefined && v !== null) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

type Items<T> = T[] | { items: T[] };
const itemsOf = <T>(b: Items<T>): T[] => (Array.isArray(b) ? b : b.items);

async function optional<T>(path: string, map: (row: T) => Option): Promise<Option[]> {
  try {
    return itemsOf(await api.get<Items<T>>(path)).map(map);
  } catch {
    return [];
  }
}

export const callLogApi = {
  list: (f: CallLogFilters) => api.get<{ items: CallLogRow[]; total: number }>(`/api/calls${callLogQuery(f)}`),
  agents: () => optional<{ id: string; displayName: string }>('/api/agents', (a) => ({ value: a.id, label: a.displayName })),
  queues: () => optional<{ id: string; name: string }>('/api/queues', (q) => ({ value: q.id, label: q.name })),
  campaigns: () => optional<{ id: string; name: string }>('/api/campaigns?pageSize=200', (c) => ({ value: c.id, label: c.name })),
  dispositions: () => optional<{ code: string; label: string; labelEn?: string | null }>('/api/dispositions', (d) => ({ value: d.code, label: d.label })),
  customers: (name: string) => optional<{ id: string; name: string }>(`/api/customers?name=${encodeURIComponent(name)}&pageSize=20`, (c) => ({ value: c.id, label: c.name })),
};
