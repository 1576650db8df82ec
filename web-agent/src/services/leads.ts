// Lead API calls (list, detail, edit, import, web forms, conversion). Types come from the server contracts.
import { api, ApiError } from './api.ts';
import type {
  ConvertBody, ImportBatchDto, ImportCommitBody, ImportPreview, LeadCreateBody, LeadDto, LeadUpdateBody, WebformBody, WebformDto,
} from '../../../server/src/contracts/leads.ts';

export type { ConvertBody, ImportBatchDto, ImportPreview, LeadDto, WebformBody, WebformDto };

export interface LeadFilters {
  status?: string;
  source?: string;
  ownerId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface ImportIssue {
  rowNumber: number;
  kind: 'error' | 'skipped';
  field: string | null;
  reason: string;
}

export interface Activity {
  id: string;
  kind: string;
  subject: string;
  body: string | null;
  occurredAt: string;
}

const query = (f: LeadFilters) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

/** Files go up as the raw body (no multipart), with the name in the query string. */
async function uploadFile(file: File): Promise<ImportPreview> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const res = await fetch(`/api/leads/imports?filename=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'content-type': type }, body: file, credentials: 'same-origin' });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? '', body.details ?? []);
  return body as ImportPreview;
}

export interface SavedQuery {
  id: string;
  name: string;
  filter: Record<string, unknown>;
}

export const leadsApi = {
  /** For the convert dialog's "existing customer" picker (the customers module's list, name filter). */
  findCustomers: (name: string) => api.get<{ items: { id: string; name: string }[] }>(`/api/customers?name=${encodeURIComponent(name)}&pageSize=20`),
  savedQueries: () => api.get<{ items: SavedQuery[] }>('/api/saved-queries?entityType=lead'),
  saveQuery: (name: string, filter: Record<string, unknown>) => api.post<SavedQuery>('/api/saved-queries', { entityType: 'lead', name, filter }),
  list: (f: LeadFilters) => api.get<{ items: LeadDto[]; total: number }>(`/api/leads?${query(f)}`),
  get: (id: string) => api.get<LeadDto>(`/api/leads/${id}`),
  create: (body: LeadCreateBody) => api.post<LeadDto>('/api/leads', body),
  update: (id: string, body: LeadUpdateBody) => api.request<LeadDto>(`/api/leads/${id}`, { method: 'PATCH', body }),
  timeline: (id: string) => api.get<{ items: Activity[] }>(`/api/leads/${id}/activities`),
  convert: (id: string, body: ConvertBody) => api.post<{ customerId: string; contactId: string; opportunityId: string | null }>(`/api/leads/${id}/convert`, body),
  upload: uploadFile,
  commitImport: (batchId: string, body: ImportCommitBody) => api.post<ImportBatchDto>(`/api/leads/imports/${batchId}/commit`, body),
  batch: (batchId: string) => api.get<ImportBatchDto>(`/api/leads/imports/${batchId}`),
  issues: (batchId: string) => api.get<{ items: ImportIssue[] }>(`/api/leads/imports/${batchId}/issues`),
  issuesCsvUrl: (batchId: string) => `/api/leads/imports/${batchId}/issues.csv`,
  webforms: () => api.get<{ items: WebformDto[] }>('/api/leads/webforms'),
  createWebform: (body: WebformBody) => api.post<WebformDto>('/api/leads/webforms', body),
  updateWebform: (id: string, body: WebformBody) => api.request<WebformDto>(`/api/leads/webforms/${id}`, { method: 'PUT', body }),
  snippet: (id: string, locale: string) => api.get<{ html: string; endpoint: string }>(`/api/leads/webforms/${id}/snippet?locale=${locale}`),
};
