// Contact-centre reports: the query every report kind takes and the shapes the console reads.
import { Type, type Static } from 'typebox';

export const REPORT_KINDS = ['queues', 'agents', 'hourly', 'fcr', 'outbound'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ReportParams = Type.Object({ kind: Type.Union(REPORT_KINDS.map((k) => Type.Literal(k))) });

const uuid = () => Type.Optional(Type.String({ format: 'uuid' }));

export const ReportQuery = Type.Object(
  {
    /** Range [from, to), ISO date-times; at most 400 days. */
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    /** IANA time zone the days, weeks, months and hours are in (the console sends the browser's). */
    tz: Type.String({ default: 'UTC', maxLength: 64 }),
    granularity: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { default: 'day' }),
    /** queues: queue | agent | team | campaign; agents: agent | team. */
    groupBy: Type.Union([Type.Literal('queue'), Type.Literal('agent'), Type.Literal('team'), Type.Literal('campaign')], { default: 'queue' }),
    queueId: uuid(),
    agentId: uuid(),
    teamId: uuid(),
    campaignId: uuid(),
    /** hourly: Erlang C target, e.g. 0.8 within 20 s. */
    targetServiceLevel: Type.Number({ minimum: 0.01, maximum: 0.999, default: 0.8 }),
    targetSec: Type.Integer({ minimum: 1, maximum: 3600, default: 20 }),
    maxOccupancy: Type.Number({ minimum: 0.1, maximum: 1, default: 1 }),
    /** fcr: a repeat call within this many days means the first was not resolved. */
    fcrWindowDays: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
    /** outbound: comma-separated disposition codes that count as conversions. */
    conversionCodes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

export const ReportExportQuery = Type.Object(
  {
    ...ReportQuery.properties,
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }),
    /** Language of the column headers. */
    lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' }),
  },
  { additionalProperties: false },
);
export type ReportExportQuery = Static<typeof ReportExportQuery>;

/** A report: rows of flat values (numbers, strings, null) plus the column keys in display order. */
export interface ReportResult {
  kind: ReportKind;
  columns: string[];
  rows: Record<string, string | number | null>[];
  /** Set when a section has no data source yet (e.g. the dialer's tables). */
  unavailable?: string;
}
