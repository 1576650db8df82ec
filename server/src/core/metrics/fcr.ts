// First-call resolution by disposition. An answered inbound call is "resolved at first contact" when
// the same caller (the matched customer, else the caller's E.164 number, else the raw number) does not
// call in again within the FCR window (default 7 days) after it entered. A call whose window has not
// yet elapsed at report time and has no repeat is counted as resolved so far (reports of recent days
// firm up as time passes; this is stated in the README). Calls without a disposition group under null.
import type { CallFact } from './facts.ts';

export const DEFAULT_FCR_WINDOW_MS = 7 * 86_400_000;

export interface FcrRow {
  disposition: string | null;
  calls: number;
  resolved: number;
  rate: number | null;
}

export function isFirstCallResolved(c: Pick<CallFact, 'nextContactAfterMs'>, windowMs: number): boolean {
  return c.nextContactAfterMs === null || c.nextContactAfterMs > windowMs;
}

export function fcrByDisposition(calls: readonly CallFact[], windowMs = DEFAULT_FCR_WINDOW_MS): FcrRow[] {
  const by = new Map<string | null, { calls: number; resolved: number }>();
  for (const c of calls) {
    if (c.direction !== 'inbound' || c.answeredAt === null || c.outcome === 'live') continue;
    const row = by.get(c.disposition) ?? { calls: 0, resolved: 0 };
    row.calls += 1;
    if (isFirstCallResolved(c, windowMs)) row.resolved += 1;
    by.set(c.disposition, row);
  }
  const rows = [...by].map(([disposition, r]) => ({ disposition, calls: r.calls, resolved: r.resolved, rate: r.calls ? r.resolved / r.calls : null }));
  const total = rows.reduce((a, r) => ({ calls: a.calls + r.calls, resolved: a.resolved + r.resolved }), { calls: 0, resolved: 0 });
  rows.sort((a, b) => b.calls - a.calls || String(a.disposition).localeCompare(String(b.disposition)));
  if (rows.length) rows.push({ disposition: '*', calls: total.calls, resolved: total.resolved, rate: total.resolved / total.calls });
  return rows;
}
