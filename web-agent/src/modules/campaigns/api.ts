// REST calls of the campaign console (admin pages and the agent's outbound view), per the contract in
// server/src/modules/campaigns/README.md.
import { api, ApiError } from '../../services/api.ts';
import type {
  Campaign, CampaignBody, CampaignDisposition, CampaignProgress, CampaignRecord, DispositionBody, DncEntry, LiveProgress, MyCampaign, PreviewNext,
} from './types.ts';

/** Lists arrive bare or as `{ items }` (and paged lists with `total`); accept both. */
type ListBody<T> = T[] | { items: T[]; total?: number };
const items = <T>(b: ListBody<T>): T[] => (Array.isArray(b) ? b : b.items);
const enc = encodeURIComponent;
const put = <T>(path: string, body: unknown) => api.request<T>(path, { method: 'PUT', body });
const del = (path: string) => api.request<void>(path, { method: 'DELETE' });

export interface RecordQuery {
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** The campaign list importer's preview: same shape as the leads importer's. */
export interface CampaignImportPreview {
  batchId: string;
  filename: string;
  encoding: string;
  headers: string[];
  sampleRows: string[][];
  totalRows: number;
  suggestedMapping: Record<string, string>;
  previousBatchId?: string | null;
}

export interface CampaignImportBatch {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  /** Phone already in the campaign or earlier in the file (also listed as row errors). */
  duplicateRows?: number;
  /** Rows of this file imported before (a re-import). */
  skippedRows: number;
  /** Imported straight into 'dnc' (the number is on a do-not-call list). */
  dncRows?: number;
  errorRows: number;
  failure?: string | null;
  /** Per-row problems, carried on the batch. */
  errors?: { row: number; field: string | null; reason: string }[];
}

export interface CampaignImportIssue {
  rowNumber: number;
  kind?: string;
  field: string | null;
  reason: string;
}

export interface FromQueryBody {
  source: 'leads' | 'customers';
  filters: Record<string, unknown>;
}

/** Files go up as the raw body (no multipart), the name in the query string, like the leads importer. */
async function upload(campaignId: string, file: File): Promise<CampaignImportPreview> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const res = await fetch(`/api/campaigns/${enc(campaignId)}/imports?filename=${enc(file.name)}`, { method: 'POST', headers: { 'content-type': type }, body: file, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string; details?: [] };
  if (!res.ok) throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? '', body.details ?? []);
  return body as unknown as CampaignImportPreview;
}

const qs = (q: object) =>
  new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

export const campaignsApi = {
  list: async () => items(await api.get<ListBody<Campaign>>('/api/campaigns')),
  get: (id: string) => api.get<Campaign>(`/api/campaigns/${enc(id)}`),
  create: (body: CampaignBody) => api.post<Campaign>('/api/campaigns', body),
  update: (id: string, body: CampaignBody) => put<Campaign>(`/api/campaigns/${enc(id)}`, body),
  action: (id: string, action: 'start' | 'pause' | 'stop') => api.post<Campaign>(`/api/campaigns/${enc(id)}/${action}`, {}),
  progress: (id: string) => api.get<CampaignProgress>(`/api/campaigns/${enc(id)}/progress`),
  records: async (id: string, q: RecordQuery) => {
    const b = await api.get<ListBody<CampaignRecord>>(`/api/campaigns/${enc(id)}/records?${qs(q)}`);
    return { items: items(b), total: Array.isArray(b) ? b.length : (b.total ?? b.items.length) };
  },
  dispositions: async (id: string) => items(await api.get<ListBody<CampaignDisposition>>(`/api/campaigns/${enc(id)}/dispositions`)),
  saveDispositions: (id: string, list: CampaignDisposition[]) => put<unknown>(`/api/campaigns/${enc(id)}/dispositions`, { items: list }),
  upload,
  commitImport: (id: string, batchId: string, mapping: Record<string, string>) =>
    api.post<CampaignImportBatch>(`/api/campaigns/${enc(id)}/imports/${enc(batchId)}/commit`, { mapping }),
  importBatch: (id: string, batchId: string) => api.get<CampaignImportBatch>(`/api/campaigns/${enc(id)}/imports/${enc(batchId)}`),
  importIssues: async (id: string, batchId: string) => items(await api.get<ListBody<CampaignImportIssue>>(`/api/campaigns/${enc(id)}/imports/${enc(batchId)}/issues`)),
  fromQuery: (id: string, body: FromQueryBody) => api.post<{ matched: number; added: number; duplicates: number; dnc: number; withoutPhone: number }>(`/api/campaigns/${enc(id)}/records/from-query`, body),
  dnc: async (campaignId?: string) => items(await api.get<ListBody<DncEntry>>(campaignId ? `/api/campaigns/${enc(campaignId)}/dnc` : '/api/dnc')),
  addDnc: (phone: string, reason: string, campaignId?: string) =>
    api.post<DncEntry>(campaignId ? `/api/campaigns/${enc(campaignId)}/dnc` : '/api/dnc', { phone, reason: reason || undefined }),
  removeDnc: (phoneE164: string, campaignId?: string) => del(`${campaignId ? `/api/campaigns/${enc(campaignId)}/dnc` : '/api/dnc'}/${enc(phoneE164)}`),
  /** The dialer's live figures per running campaign (the same items 'campaign:progress' pushes). */
  live: async () => items(await api.get<ListBody<LiveProgress>>('/api/campaigns/live')),
  agents: async () => items(await api.get<ListBody<{ id: string; displayName: string; username: string }>>('/api/agents')),
  // Agent side
  mine: async () => items(await api.get<ListBody<MyCampaign>>('/api/campaigns/mine')),
  previewNext: (campaignId: string) => api.get<PreviewNext>(`/api/campaigns/${enc(campaignId)}/preview/next`),
  dial: (recordId: string) => api.post<{ callId?: string }>(`/api/campaign-records/${enc(recordId)}/dial`, {}),
  skip: (recordId: string) => api.post<void>(`/api/campaign-records/${enc(recordId)}/skip`, {}),
  dispose: (recordId: string, body: DispositionBody) => api.post<unknown>(`/api/campaign-records/${enc(recordId)}/disposition`, body),
};
