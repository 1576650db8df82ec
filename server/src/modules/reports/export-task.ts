// Runs in a light worker (workers/pool.ts): turns a built report into its CSV or XLSX bytes. A year of
// per-agent, per-day rows is tens of thousands of rows; exceljs takes around a second of CPU to
// write that, which must not be a second of stalled call events on the server's event loop.
import type { ReportResult } from '../../contracts/reports.ts';
import { reportCsv, reportXlsx } from './export.ts';

export interface ReportFileInput {
  report: ReportResult;
  lang: 'zh-CN' | 'en';
  format: 'csv' | 'xlsx';
}

export async function reportFileTask({ report, lang, format }: ReportFileInput): Promise<Uint8Array> {
  return format === 'xlsx' ? reportXlsx(report, lang) : Buffer.from(reportCsv(report, lang));
}
