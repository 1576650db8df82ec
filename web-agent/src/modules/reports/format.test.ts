import { describe, expect, it } from 'vitest';
import { reportQuery } from './api.ts';
import { duration, formatCell } from './format.ts';

describe('report cells', () => {
  it('formats ratios, durations, counts and gaps', () => {
    expect(formatCell('serviceLevel', 0.3333)).toBe('33.3%');
    expect(formatCell('ahtSec', 265)).toBe('4:25');
    expect(formatCell('paused:lunch', 3600)).toBe('1:00:00');
    expect(formatCell('offered', 4)).toBe('4');
    expect(formatCell('erlangs', 0.2083)).toBe('0.21');
    expect(formatCell('asaSec', null)).toBe('—');
    expect(formatCell('group', '+Support')).toBe('+Support');
    expect(duration(59.6)).toBe('1:00');
  });

  it('builds the query without empty values', () => {
    const q = reportQuery({ from: 'a', to: 'b', tz: 'Asia/Shanghai', granularity: 'day', groupBy: 'queue', targetServiceLevel: 0.8, targetSec: 20, maxOccupancy: 1, fcrWindowDays: 7, conversionCodes: '', queueId: '', teamId: '', agentId: '', campaignId: '' }, { format: 'csv' });
    expect(q).toBe('from=a&to=b&tz=Asia%2FShanghai&granularity=day&groupBy=queue&targetServiceLevel=0.8&targetSec=20&maxOccupancy=1&fcrWindowDays=7&format=csv');
  });
});
