// Fake-microphone files: Chromium reads one wav per process (--use-file-for-fake-audio-capture), so each
// party gets its own process and its own tone, and what a page hears tells who is talking.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PARTY_TONES = { agent1: 1000, agent2: 2000, caller: 440 } as const;

/** A 60 s mono 48 kHz sine wav (Chromium loops it), generated once per machine with sox. */
export function toneWav(hz: number): string {
  const dir = join(tmpdir(), 'ringside-tones');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `tone-${hz}.wav`);
  if (!existsSync(file)) {
    execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', file, 'synth', '60', 'sine', String(hz), 'vol', '0.5']);
  }
  return file;
}
