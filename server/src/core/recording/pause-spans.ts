// Where the silence of paused spans goes back into a recording. Asterisk's ARI pause stops writing
// frames (measured on Asterisk 22: 5 s recorded with 2 s paused gives a 3 s file), so the file is the
// call minus its paused spans. Putting each span back as silence at its place restores the call's
// timeline: a listener hears a gap where the pause was, and offsets in the pause log match the file.

/** A pause in the recording's wall-clock timeline (ms since the recording started). */
export interface PausedSpan {
  pauseOffsetMs: number;
  resumeOffsetMs: number;
}

/** Insert lengthMs of silence at atMs of the file as Asterisk wrote it (the cut timeline). */
export interface SilenceInsert {
  atMs: number;
  lengthMs: number;
}

/**
 * Spans are sorted and overlaps merged (a double pause is one pause); each insertion point is the
 * pause offset minus the paused time before it, clamped to the cut file's length (the recorder starts
 * a few ms late, so a pause at the very end may land just past it).
 */
export function silenceInserts(spans: readonly PausedSpan[], cutFileMs: number): SilenceInsert[] {
  const sorted = spans
    .filter((s) => s.resumeOffsetMs > s.pauseOffsetMs)
    .map((s) => ({ from: Math.max(0, s.pauseOffsetMs), to: s.resumeOffsetMs }))
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  const out: SilenceInsert[] = [];
  let pausedBefore = 0;
  for (const s of merged) {
    const lengthMs = s.to - s.from;
    out.push({ atMs: Math.min(Math.max(0, s.from - pausedBefore), cutFileMs), lengthMs });
    pausedBefore += lengthMs;
  }
  return out;
}
