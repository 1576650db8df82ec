import { describe, expect, it } from 'vitest';
import { copyToWeekdays, defaultWeek, emptyWeek, windowProblems, windowsFromJson, windowsToJson, WEEK_ORDER } from './windows.ts';

describe('calling windows editor ↔ JSON', () => {
  it('round-trips the server shape, Monday first in the editor, every day present in the JSON', () => {
    const json = { '0': [], '1': [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }], '6': [{ from: '10:00', to: '16:00' }] };
    const week = windowsFromJson(json);
    expect(week.map((d) => d.day)).toEqual([...WEEK_ORDER]);
    expect(week[0]).toEqual({ day: 1, ranges: json['1'] });
    expect(week[6]).toEqual({ day: 0, ranges: [] });
    expect(windowsToJson(week)).toEqual({ ...json, '2': [], '3': [], '4': [], '5': [] });
  });

  it('reads a 7-item array (index = getDay) and mon…sun keys', () => {
    const arr = [[], [{ from: '08:00', to: '09:00' }], [], [], [], [], [{ from: '10:00', to: '11:00' }]];
    expect(windowsToJson(windowsFromJson(arr))['1']).toEqual([{ from: '08:00', to: '09:00' }]);
    expect(windowsToJson(windowsFromJson({ sat: [{ from: '10:00', to: '11:00' }], monday: [{ from: '08:00', to: '09:00' }] }))).toMatchObject({
      '6': [{ from: '10:00', to: '11:00' }],
      '1': [{ from: '08:00', to: '09:00' }],
    });
  });

  it('drops malformed entries and treats null as a week without calls', () => {
    expect(windowsFromJson(null)).toEqual(emptyWeek());
    expect(windowsFromJson({ '1': [{ from: '09:00' }, 'x', { from: '10:00', to: '11:00' }] } as never)[0]!.ranges).toEqual([{ from: '10:00', to: '11:00' }]);
  });

  it('sorts ranges by start when writing', () => {
    const week = emptyWeek();
    week[0]!.ranges = [{ from: '14:00', to: '18:00' }, { from: '09:00', to: '12:00' }];
    expect(windowsToJson(week)['1']!.map((r) => r.from)).toEqual(['09:00', '14:00']);
  });

  it('flags bad times, reversed ranges and overlaps, and accepts the default week', () => {
    expect(windowProblems(defaultWeek())).toEqual([]);
    const week = emptyWeek();
    week[0]!.ranges = [{ from: '9:00', to: '12:00' }, { from: '12:00', to: '11:00' }, { from: '10:00', to: '13:00' }, { from: '11:00', to: '12:30' }];
    expect(windowProblems(week)).toEqual([
      { day: 1, index: 0, problem: 'format' },
      { day: 1, index: 1, problem: 'order' },
      { day: 1, index: 3, problem: 'overlap' },
    ]);
    week[0]!.ranges = [{ from: '20:00', to: '24:00' }];
    expect(windowProblems(week)).toEqual([]);
  });

  it('copies a day to Monday–Friday without touching the weekend', () => {
    const week = copyToWeekdays(defaultWeek().map((d) => (d.day === 3 ? { day: 3, ranges: [{ from: '10:00', to: '11:00' }] } : d)), 3);
    expect(week.filter((d) => d.day >= 1 && d.day <= 5).every((d) => d.ranges.length === 1 && d.ranges[0]!.from === '10:00')).toBe(true);
    expect(week.find((d) => d.day === 6)!.ranges).toEqual([{ from: '10:00', to: '16:00' }]);
  });
});
