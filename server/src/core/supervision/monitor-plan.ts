// How the supervisor's phone is wired for each monitor mode, and the steps from one mode to another.
// Measured (shared/pbx/asterisk-notes.md): a snoop on the agent's leg with spy=both hears both parties;
// whisper=out sends the snoop's own audio to the agent only; barge = the supervisor in the call's
// mixing bridge. The supervisor's phone stays up across switches: only bridges and snoops change.
import type { MonitorMode } from '../../contracts/supervision.ts';

export type MonitorStep =
  /** A new snoop on the agent's leg joins the monitor bridge; an older snoop is hung up after it joined. */
  | { type: 'snoop'; whisper: 'none' | 'out' }
  /** The snoop (if any) is hung up and the monitor bridge destroyed. */
  | { type: 'dropSnoop' }
  /** The phone leaves the call bridge (if in it) and joins the monitor bridge. */
  | { type: 'phoneToMonitorBridge' }
  /** The phone leaves the monitor bridge (if in it) and joins the call's mixing bridge. */
  | { type: 'phoneToCallBridge' };

const whisperOf = (mode: 'listen' | 'whisper'): 'none' | 'out' => (mode === 'whisper' ? 'out' : 'none');

/** The steps from the current mode (null: phone just answered, not wired) to the wanted one. */
export function planMonitor(from: MonitorMode | null, to: MonitorMode): MonitorStep[] {
  if (from === to) return [];
  if (to === 'barge') return from === null ? [{ type: 'phoneToCallBridge' }] : [{ type: 'phoneToCallBridge' }, { type: 'dropSnoop' }];
  const snoop: MonitorStep = { type: 'snoop', whisper: whisperOf(to) };
  // listen ↔ whisper: the new snoop joins before the old one leaves, so the supervisor hears no gap.
  if (from === 'listen' || from === 'whisper') return [snoop];
  return [snoop, { type: 'phoneToMonitorBridge' }];
}

/** The steps that undo a mode (stop, or before a take-over). */
export function planStop(from: MonitorMode | null): MonitorStep[] {
  return from === 'listen' || from === 'whisper' ? [{ type: 'dropSnoop' }] : [];
}
