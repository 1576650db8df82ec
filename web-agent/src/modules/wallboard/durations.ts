// Clock-style durations for the wallboard timers (h:mm:ss, or m:ss under an hour).
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Time since an ISO instant at `now` (epoch ms). */
export function since(iso: string | null, now: number): string {
  return iso ? clock(now - Date.parse(iso)) : '—';
}

/** Pause time today: ended pauses by reason plus the running one (counted from the day start at most). */
export function pauseToday(byReason: Record<string, number>, running: { reason: string | null; since: string } | null, dayStart: string | null, now: number): { reason: string; ms: number }[] {
  const totals = { ...byReason };
  if (running?.reason) {
    const from = Math.max(Date.parse(running.since), dayStart ? Date.parse(dayStart) : 0);
    totals[running.reason] = (totals[running.reason] ?? 0) + Math.max(0, now - from);
  }
  return Object.entries(totals).map(([reason, ms]) => ({ reason, ms })).sort((a, b) => b.ms - a.ms);
}
