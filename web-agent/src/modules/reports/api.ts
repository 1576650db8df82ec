// REST calls of the reports page (GET /api/reports/:kind, and the export URLs the browser downloads).
import { api } from '../../services/api.ts';

export type ReportKind = 'queues' | 'agents' | 'hourly' | 'fcr' | 'outbound';
export type Cell = string | number | null;

export interface ReportResult {
  kind: ReportKind;
  columns: string[];
  rows: Record<string, Cell>[];
}

export interface ReportFilters {
  from: string;
  to: string;
  tz: string;
  granularity: 'day' | 'week' | 'month';
  groupBy: 'queue' | 'agent' | 'team' | 'campaign';
  targetServiceLevel: number;
  targetSec: number;
  maxOccupancy: number;
  fcrWindowDays: number;
  conversionCodes: string;
  queueId: string;
  teamId: string;
  agentId: string;
  campaignId: string;
}

export interface FilterOptions {
  queues: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  agents: { id: string; name: string; teamId: string | null }[];
  campaigns: { id: string; name: string }[];
}

export function reportQuery(f: ReportFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v !== '' && v !== undefined && v !== null) p.set(k, String(v));
  return p.toString();
}

export const reportsApi = {
  filters: () => api.get<FilterOptions>('/api/reports/filters'),
  load: (kind: ReportKind, f: ReportFilters) => api.get<ReportResult>(`/api/reports/${kind}?${reportQuery(f)}`),
  exportUrl: (kind: ReportKind, f: ReportFilters, format: 'csv' | 'xlsx', lang: string) => `/api/reports/${kind}/export?${reportQuery(f, { format, lang })}`,
};
