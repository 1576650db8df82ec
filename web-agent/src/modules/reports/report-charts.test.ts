import { describe, expect, it } from 'vitest';
import { chartOption } from './report-charts.ts';

const label = (k: string) => k;

describe('report charts', () => {
  it('queues: period totals as stacked answered/abandoned bars and the service level line in %', () => {
    const o = chartOption({ kind: 'queues', columns: [], rows: [
      { period: '2026-11-10', group: 'Q1', answered: 2, abandoned: 2, serviceLevel: 0.3333 },
      { period: '2026-11-10', group: '*', answered: 2, abandoned: 2, serviceLevel: 0.3333 },
    ] }, label, '-') as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(o.xAxis.data).toEqual(['2026-11-10']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['answered', [2]], ['abandoned', [2]], ['serviceLevel', [33.3]]]);
  });

  it('hourly: calls per hour and agents needed; fcr leaves out the total row', () => {
    const h = chartOption({ kind: 'hourly', columns: [], rows: [{ hour: 9, callsPerHour: 1.5, agentsNeeded: 1 }] }, label, '-') as { series: { data: number[] }[] };
    expect(h.series.map((s) => s.data)).toEqual([[1.5], [1]]);
    const f = chartOption({ kind: 'fcr', columns: [], rows: [{ disposition: null, rate: 1 }, { disposition: '*', rate: 0.5 }] }, label, '(none)') as { xAxis: { data: string[] } };
    expect(f.xAxis.data).toEqual(['(none)']);
  });
});
