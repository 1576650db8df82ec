// Geometry of the waveform player: where a click seeks to, and where paused spans are shaded. Pure, so
// the component stays drawing and events only.
import type { RecordingPauseEntry } from '../../../../server/src/contracts/recordings.ts';

/** Seconds into the recording for a click at x of a waveform `width` px wide. */
export function seekSeconds(x: number, width: number, durationSec: number): number {
  if (width <= 0 || !Number.isFinite(durationSec) || durationSec <= 0) return 0;
  return Math.min(durationSec, Math.max(0, (x / width) * durationSec));
}

/** Pixel ranges of the paused spans (silence in the file) on a waveform `width` px wide. */
export function pausedRects(pauses: readonly RecordingPauseEntry[], durationMs: number, width: number): { x: number; w: number }[] {
  if (durationMs <= 0) return [];
  return pauses
    .map((p) => {
      const from = Math.max(0, p.pauseOffsetMs);
      const to = Math.min(durationMs, p.resumeOffsetMs ?? durationMs);
      return { x: (from / durationMs) * width, w: (Math.max(0, to - from) / durationMs) * width };
    })
    .filter((r) => r.w > 0);
}

/** mm:ss (h:mm:ss past an hour). */
export function clock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
