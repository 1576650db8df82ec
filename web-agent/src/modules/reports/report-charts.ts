// ECharts options per report kind, built from the same rows as the table (pure: unit-tested).
import type { Cell, ReportResult } from './api.ts';

type Label = (key: string) => string;
const n = (v: Cell | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function bars(categories: string[], series: { name: string; data: number[]; stack?: string }[], line?: { name: string; data: number[]; percent?: boolean }) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: line ? 56 : 24, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 12 ? 45 : 0 } },
    yAxis: [{ type: 'value' }, ...(line ? [{ type: 'value', ...(line.percent ? { min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : {}) }] : [])],
    series: [
      ...series.map((s) => ({ type: 'bar', name: s.name, data: s.data, stack: s.stack })),
      ...(line ? [{ type: 'line', name: line.name, yAxisIndex: 1, data: line.data, smooth: true }] : []),
    ],
  };
}

export function chartOption(r: ReportResult, label: Label, none: string): Record<string, unknown> {
  const rows = r.rows;
  switch (r.kind) {
    case 'queues': {
      // The period totals ('*' rows) tell the trend; the table has the groups.
      const totals = rows.filter((x) => x.group === '*');
      const cats = totals.map((x) => String(x.period));
      return bars(cats, [
        { name: label('answered'), data: totals.map((x) => n(x.answered)), stack: 'calls' },
        { name: label('abandoned'), data: totals.map((x) => n(x.abandoned)), stack: 'calls' },
      ], { name: label('serviceLevel'), data: totals.map((x) => Math.round(n(x.serviceLevel) * 1000) / 10), percent: true });
    }
    case 'agents': {
      const cats = rows.map((x) => `${x.group ?? none} ${x.period}`);
      const hours = (k: string) => rows.map((x) => Math.round(n(x[k]) / 36) / 100);
      return bars(cats, [
        { name: label('onCall'), data: hours('onCallSec'), stack: 't' },
        { name: label('wrapUp'), data: hours('wrapUpSec'), stack: 't' },
        { name: label('ready'), data: hours('readySec'), stack: 't' },
        { name: label('paused'), data: hours('pausedSec'), stack: 't' },
      ]);
    }
    case 'hourly':
      return bars(rows.map((x) => `${x.hour}:00`), [{ name: label('callsPerHour'), data: rows.map((x) => n(x.callsPerHour)) }], { name: label('agentsNeeded'), data: rows.map((x) => n(x.agentsNeeded)) });
    case 'fcr': {
      const byDisposition = rows.filter((x) => x.disposition !== '*');
      return bars(byDisposition.map((x) => String(x.disposition ?? none)), [{ name: label('rate'), data: byDisposition.map((x) => Math.round(n(x.rate) * 1000) / 10) }]);
    }
    case 'outbound':
      return bars(rows.map((x) => String(x.group)), [
        { name: label('attempts'), data: rows.map((x) => n(x.attempts)) },
        { name: label('connects'), data: rows.map((x) => n(x.connects)) },
        { name: label('conversions'), data: rows.map((x) => n(x.conversions)) },
      ]);
  }
}
