// Builds one report: the facts from facts-sql.ts, the figures from core/metrics, group labels added,
// flattened to rows the console's tables and the CSV/XLSX exports share.
import { agentFigures, stateIntervals } from '../../core/metrics/agent-time.ts';
import { fcrByDisposition } from '../../core/metrics/fcr.ts';
import { agentTimeRows, callRows } from '../../core/metrics/grouping.ts';
import { campaignFigures, DEFAULT_CONVERSION_CODES } from '../../core/metrics/outbound.ts';
import { daysIn, isTimeZone } from '../../core/metrics/periods.ts';
import { trafficProfile } from '../../core/metrics/traffic-profile.ts';
import type { ReportKind, ReportQuery, ReportResult } from '../../contracts/reports.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { agentsInScope, attemptFacts, callFacts, groupLabels, stateFacts, type FactFilter } from './facts-sql.ts';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 400;

type Row = Record<string, string | number | null>;

export function validateRange(q: ReportQuery): FactFilter {
  const from = new Date(q.from);
  const to = new Date(q.to);
  const details = [];
  if (!(to.getTime() > from.getTime())) details.push({ path: 'to', message: 'must be after from' });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) details.push({ path: 'to', message: `at most ${MAX_RANGE_DAYS} days after from` });
  if (!isTimeZone(q.tz)) details.push({ path: 'tz', message: 'not a known IANA time zone' });
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
  return { from, to, queueId: q.queueId, agentId: q.agentId, teamId: q.teamId, campaignId: q.campaignId };
}

const round = (v: number | null, digits = 4) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export async function buildReport(db: DbOrTx, scope: DataScope, kind: ReportKind, q: ReportQuery, now: number): Promise<ReportResult> {
  const f = validateRange(q);
  switch (kind) {
    case 'queues': return queuesReport(db, scope, q, f);
    case 'agents': return agentsReport(db, scope, q, f, now);
    case 'hourly': return hourlyReport(db, scope, q, f);
    case 'fcr': return fcrReport(db, scope, q, f);
    case 'outbound': return outboundReport(db, scope, q, f);
  }
}

async function queuesReport(db: DbOrTx, scope: DataScope, q: ReportQuery, f: FactFilter): Promise<ReportResult> {
  const facts = await callFacts(db, scope, f, q.fcrWindowDays * DAY_MS);
  const rows = callRows(facts, q.granularity, q.groupBy, q.tz);
  const labels = await groupLabels(db, q.groupBy, [...new Set(rows.map((r) => r.group).filter((g): g is string => !!g && g !== '*'))]);
  const columns = ['period', 'group', 'offered', 'answered', 'abandoned', 'abandonedShort', 'overflowed', 'serviceLevel', 'abandonRate', 'asaSec', 'avgWaitSec', 'maxWaitSec', 'ahtSec', 'avgTalkSec', 'avgHoldSec', 'avgWrapSec', 'transferred', 'outbound', 'outboundAnswered'];
  return {
    kind: 'queues',
    columns,
    rows: rows.map((r) => ({ ...r, groupId: r.group, group: r.group === null || r.group === '*' ? r.group : (labels.get(r.group) ?? r.group), serviceLevel: round(r.serviceLevel), abandonRate: round(r.abandonRate) })),
  };
}

async function agentsReport(db: DbOrTx, scope: DataScope, q: ReportQuery, f: FactFilter, now: number): Promise<ReportResult> {
  const agents = await agentsInScope(db, scope, f);
  const facts = await stateFacts(db, agents.map((a) => a.id), f);
  const until = Math.min(f.to.getTime(), now);
  const intervals = stateIntervals(facts, f.from.getTime(), until);
  const byTeam = q.groupBy === 'team';
  const team = new Map(agents.map((a) => [a.id, a.teamId]));
  const rows = agentTimeRows(intervals, q.granularity, q.tz, byTeam ? 'team' : 'agent', (id) => team.get(id) ?? null);
  const labels = byTeam ? await groupLabels(db, 'team', [...new Set(rows.map((r) => r.group).filter((g): g is string => !!g))]) : new Map(agents.map((a) => [a.id, a.name]));
  const reasons = [...new Set(rows.flatMap((r) => Object.keys(r.time.pausedByReason)))].sort();
  const columns = ['period', 'group', 'handled', 'ahtSec', 'occupancy', 'utilisation', 'signedInSec', 'readySec', 'ringingSec', 'onCallSec', 'wrapUpSec', 'pausedSec', ...reasons.map((r) => `paused:${r}`)];
  return {
    kind: 'agents',
    columns,
    rows: rows.map((r) => {
      const { pausedByReasonSec, occupancy, utilisation, ...fig } = agentFigures(r.time);
      const row: Row = { period: r.period, groupId: r.group, group: r.group === null ? null : (labels.get(r.group) ?? r.group), ...fig, occupancy: round(occupancy), utilisation: round(utilisation) };
      for (const reason of reasons) row[`paused:${reason}`] = pausedByReasonSec[reason] ?? 0;
      return row;
    }),
  };
}

async function hourlyReport(db: DbOrTx, scope: DataScope, q: ReportQuery, f: FactFilter): Promise<ReportResult> {
  const facts = await callFacts(db, scope, f, q.fcrWindowDays * DAY_MS);
  const days = daysIn(f.from.getTime(), f.to.getTime(), q.tz);
  const rows = trafficProfile(facts, { tz: q.tz, days, targetServiceLevel: q.targetServiceLevel, targetSec: q.targetSec, maxOccupancy: q.maxOccupancy });
  return {
    kind: 'hourly',
    columns: ['hour', 'offered', 'answered', 'callsPerHour', 'ahtSec', 'erlangs', 'agentsNeeded', 'expectedServiceLevel', 'expectedAsaSec'],
    rows: rows.map((r) => ({ ...r, callsPerHour: round(r.callsPerHour, 2), ahtSec: round(r.ahtSec, 1), erlangs: round(r.erlangs, 3), expectedServiceLevel: round(r.expectedServiceLevel), expectedAsaSec: round(r.expectedAsaSec, 1) })),
  };
}

async function fcrReport(db: DbOrTx, scope: DataScope, q: ReportQuery, f: FactFilter): Promise<ReportResult> {
  const facts = await callFacts(db, scope, f, q.fcrWindowDays * DAY_MS);
  return {
    kind: 'fcr',
    columns: ['disposition', 'calls', 'resolved', 'rate'],
    rows: fcrByDisposition(facts, q.fcrWindowDays * DAY_MS).map((r) => ({ ...r, rate: round(r.rate) })),
  };
}

async function outboundReport(db: DbOrTx, scope: DataScope, q: ReportQuery, f: FactFilter): Promise<ReportResult> {
  const codes = q.conversionCodes ? q.conversionCodes.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_CONVERSION_CODES;
  const rows = campaignFigures(await attemptFacts(db, scope, f), codes);
  const labels = await groupLabels(db, 'campaign', rows.map((r) => r.campaignId));
  return {
    kind: 'outbound',
    columns: ['group', 'attempts', 'connects', 'contactRate', 'abandoned', 'abandonRate', 'conversions', 'conversionRate', 'machines', 'noAnswer', 'busy', 'failed'],
    rows: rows.map(({ campaignId, ...r }) => ({ groupId: campaignId, group: labels.get(campaignId) ?? campaignId, ...r, contactRate: round(r.contactRate), abandonRate: round(r.abandonRate), conversionRate: round(r.conversionRate) })),
  };
}
