// REST calls of the telephony console (workbench, call log, click-to-dial). Shapes come from the server's
// contract (server/src/contracts/telephony.ts), imported as types only.
import { api } from './api.ts';
import type {
  AgentStatePayload,
  CallEndedPayload,
  CallOfferPayload,
  CallUpdatePayload,
  SoftphoneConfig,
  TransferBody,
  WrapUpBody,
} from '../../../server/src/contracts/telephony.ts';

export type { AgentStatePayload, CallEndedPayload, CallOfferPayload, CallUpdatePayload, SoftphoneConfig, TransferBody, WrapUpBody };

export interface CodeOption {
  code: string;
  label: string;
  labelEn?: string | null;
}

/** One row of GET /api/calls (the call log). Loose on purpose: extra fields from the server are ignored. */
export interface CallLogRow {
  id: string;
  direction: string;
  callerNumber: string | null;
  did: string | null;
  queueName?: string | null;
  agentName?: string | null;
  customerId?: string | null;
  customerName?: string | null;
  outcome: string;
  enteredAt: string;
  answeredAt?: string | null;
  endedAt?: string | null;
  waitSec?: number | null;
  talkSec?: number | null;
  disposition?: string | null;
  recordingId?: string | null;
}

export interface CallLogQuery {
  from?: string;
  to?: string;
  agentId?: string;
  queueId?: string;
  customerId?: string;
  outcome?: string;
}

function query(q: CallLogQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Lists arrive either bare or as `{ items }`; accept both so the console does not break on a wrapper. */
function items<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

const call = (id: string, action: string, body?: unknown) => api.post<void>(`/api/calls/${encodeURIComponent(id)}/${action}`, body ?? {});

export const telephonyApi = {
  softphoneConfig: () => api.get<SoftphoneConfig>('/api/softphone/config'),
  agentState: () => api.get<AgentStatePayload>('/api/agent/state'),
  signIn: () => api.post<AgentStatePayload>('/api/agent/sign-in', {}),
  signOut: () => api.post<AgentStatePayload>('/api/agent/sign-out', {}),
  ready: () => api.post<AgentStatePayload>('/api/agent/ready', {}),
  pause: (reason: string) => api.post<AgentStatePayload>('/api/agent/pause', { reason }),
  pauseCodes: async () => items(await api.get<CodeOption[] | { items: CodeOption[] }>('/api/agent/pause-codes')),
  dispositions: async () => items(await api.get<CodeOption[] | { items: CodeOption[] }>('/api/dispositions')),
  hold: (id: string) => call(id, 'hold'),
  retrieve: (id: string) => call(id, 'retrieve'),
  hangup: (id: string) => call(id, 'hangup'),
  transfer: (id: string, body: TransferBody) => call(id, 'transfer', body),
  completeTransfer: (id: string) => call(id, 'transfer/complete'),
  cancelTransfer: (id: string) => call(id, 'transfer/cancel'),
  conference: (id: string) => call(id, 'conference'),
  wrapUp: (id: string, body: WrapUpBody) => call(id, 'wrap-up', body),
  dial: (number: string, party?: { partyType: string; partyId: string }) => api.post<{ callId?: string }>('/api/calls/dial', { number, ...party }),
  callLog: async (q: CallLogQuery) => items(await api.get<CallLogRow[] | { items: CallLogRow[] }>(`/api/calls${query(q)}`)),
  recordingUrl: (id: string) => `/api/recordings/${encodeURIComponent(id)}`,
  createLead: (name: string, phone: string) => api.post<{ id: string }>('/api/leads', { name, phones: [phone] }),
  createCustomer: (name: string, phone: string) => api.post<{ id: string }>('/api/customers', { name, phones: [{ number: phone }] }),
};
