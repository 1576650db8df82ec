// Hourly traffic profile for staffing: per local hour of day, the calls offered on an average day of
// the range (offered in that hour ÷ days in the range) and the handle time of the calls answered in it
// (falling back to the range's overall AHT for an hour with no answered call), then Erlang C per hour.
// A call belongs to the hour it entered (a call entering 09:59 and answered 10:01 is 09:00 traffic).
import type { CallFact } from './facts.ts';
import { agentsNeeded } from './erlang-c.ts';
import { hourOfDay } from './periods.ts';

export interface HourRow {
  hour: number;
  offered: number;
  answered: number;
  /** Offered per hour on an average day of the range. */
  callsPerHour: number;
  ahtSec: number | null;
  erlangs: number;
  agentsNeeded: number;
  expectedServiceLevel: number;
  expectedAsaSec: number;
}

export interface ProfileOptions {
  tz: string;
  days: number;
  targetServiceLevel: number;
  targetSec: number;
  maxOccupancy?: number;
}

export function trafficProfile(calls: readonly CallFact[], o: ProfileOptions): HourRow[] {
  const hours = Array.from({ length: 24 }, () => ({ offered: 0, answered: 0, handleMs: 0 }));
  let allHandleMs = 0;
  let allAnswered = 0;
  for (const c of calls) {
    if (c.direction !== 'inbound' || c.queuedAt === null || c.outcome === 'live') continue;
    const h = hours[hourOfDay(c.enteredAt, o.tz)]!;
    h.offered += 1;
    if (c.answeredAt !== null) {
      const handle = c.talkMs + c.holdMs + c.wrapMs;
      h.answered += 1;
      h.handleMs += handle;
      allHandleMs += handle;
      allAnswered += 1;
    }
  }
  const fallbackMs = allAnswered ? allHandleMs / allAnswered : null;
  const days = Math.max(1, o.days);
  return hours.map((h, hour) => {
    const ahtMs = h.answered ? h.handleMs / h.answered : fallbackMs;
    const callsPerHour = h.offered / days;
    const ahtSec = ahtMs === null ? null : ahtMs / 1000;
    const est = agentsNeeded({ callsPerHour, ahtSec: ahtSec ?? 0, targetServiceLevel: o.targetServiceLevel, targetSec: o.targetSec, maxOccupancy: o.maxOccupancy });
    return {
      hour, offered: h.offered, answered: h.answered, callsPerHour, ahtSec, erlangs: est.erlangs,
      agentsNeeded: est.agents, expectedServiceLevel: est.serviceLevel, expectedAsaSec: est.asaSec,
    };
  });
}
