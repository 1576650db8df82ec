// The simulated centre's events generated ahead of time on a virtual clock, so that during the
// measurement the server process only replays them (its CPU is the server's, not the simulator's).
import type { TelephonyEvent } from '../../server/src/modules/telephony/runtime-events.ts';
import { CentreSimulator, type SimOptions } from './simulator.ts';

export interface Scheduled {
  at: number;
  event: TelephonyEvent;
  /** For agent states: what the page's row will show (`agentId@sinceIso@state`). */
  key: string | null;
}

/** Events of `seconds` of the centre starting at `start` (epoch ms, in the future), in time order. */
export function generateSchedule(start: number, seconds: number, o: Omit<SimOptions, 'clock' | 'ingest'>): Scheduled[] {
  let now = start;
  const timers: { at: number; seq: number; fn: () => void }[] = [];
  let seq = 0;
  const out: Scheduled[] = [];
  const sim = new CentreSimulator({
    ...o,
    clock: { now: () => now, later: (ms, fn) => timers.push({ at: now + Math.round(ms), seq: seq++, fn }) },
    ingest: (event) => {
      const key = event.kind === 'agentState' ? `${event.agentId}@${new Date(event.state.since).toISOString()}@${event.state.status.kind}` : null;
      out.push({ at: now, event, key });
    },
  });
  sim.start();
  const end = start + seconds * 1000;
  while (timers.length) {
    // Few thousand timers: a sort per step is fast enough and keeps this obvious.
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const t = timers.shift()!;
    if (t.at > end) break;
    now = t.at;
    t.fn();
  }
  sim.stop();
  return out;
}
