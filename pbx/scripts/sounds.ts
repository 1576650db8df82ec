// Renders Ringside's prompts (sounds/manifest.json) to 8 kHz mono wav files Asterisk plays without
// transcoding. Text-to-speech (espeak-ng) stands in until a person records them: a recorded file at
// sounds/<lang>/<id>.wav wins over the generated one. Results are cached by a hash of their input.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runOrThrow } from './exec.ts';
import { ensureHostCommands } from './host-packages.ts';

/** Bump when the rendering pipeline changes, so every cached prompt is rendered again. */
const GENERATOR_VERSION = 1;
/** espeak-ng voice per Ringside prompt language. */
export const PROMPT_VOICES: Readonly<Record<string, string>> = Object.freeze({ zh: 'cmn', en: 'en' });
const CACHE_FILE = '.ringside-prompts.json';

export type PromptManifest = Record<string, Record<string, string>>;

export interface RenderPromptsOptions {
  /** sounds/ in the repository (manifest.json and optional recorded overrides). */
  soundsDir: string;
  /** Output: <outDir>/<lang>/<id>.wav (ROOT/usr/share/asterisk/sounds/ringside). */
  outDir: string;
  /** Values for {placeholders} in the texts, e.g. { company: 'Ringside' }. */
  vars?: Record<string, string>;
}

export interface RenderPromptsResult {
  rendered: number;
  cached: number;
}

export function readManifest(soundsDir: string): PromptManifest {
  return JSON.parse(readFileSync(join(soundsDir, 'manifest.json'), 'utf8')) as PromptManifest;
}

/** Fills {name} placeholders; an unknown placeholder is an error, not a spoken "{name}". */
export function fillText(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`Prompt text uses {${name}} but no value was given`);
    return v;
  });
}

function sha(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

async function toAsteriskWav(input: string, output: string): Promise<void> {
  // 8 kHz, mono, 16-bit: the native slin format for PSTN calls, so playback needs no resampling.
  await runOrThrow('sox', [input, '-r', '8000', '-c', '1', '-b', '16', output]);
}

async function renderOne(text: string, voice: string, recorded: string | undefined, out: string): Promise<void> {
  if (recorded) return toAsteriskWav(recorded, out);
  const raw = join(tmpdir(), `ringside-tts-${process.pid}-${sha(out)}.wav`);
  try {
    await runOrThrow('espeak-ng', ['-v', voice, '-w', raw, text]);
    await toAsteriskWav(raw, out);
  } finally {
    await rm(raw, { force: true });
  }
}

export async function renderPrompts(opts: RenderPromptsOptions): Promise<RenderPromptsResult> {
  const manifest = readManifest(opts.soundsDir);
  const vars = { company: 'Ringside', ...opts.vars };
  const cachePath = join(opts.outDir, CACHE_FILE);
  const cache = existsSync(cachePath) ? (JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, string>) : {};
  const jobs: (() => Promise<void>)[] = [];
  let cached = 0;
  for (const [id, texts] of Object.entries(manifest)) {
    for (const [lang, rawText] of Object.entries(texts)) {
      const voice = PROMPT_VOICES[lang];
      if (!voice) throw new Error(`sounds/manifest.json: prompt ${id} has unknown language "${lang}"`);
      const recordedPath = join(opts.soundsDir, lang, `${id}.wav`);
      const recorded = existsSync(recordedPath) ? recordedPath : undefined;
      const text = fillText(rawText, vars);
      const key = `${lang}/${id}`;
      const hash = sha(`${GENERATOR_VERSION}|${voice}|${text}|${recorded ? sha(readFileSync(recorded)) : ''}`);
      const out = join(opts.outDir, lang, `${id}.wav`);
      if (cache[key] === hash && existsSync(out)) {
        cached++;
        continue;
      }
      mkdirSync(join(opts.outDir, lang), { recursive: true });
      jobs.push(async () => {
        await renderOne(text, voice, recorded, out);
        cache[key] = hash;
      });
    }
  }
  if (jobs.length > 0) await ensureHostCommands({ 'espeak-ng': 'espeak-ng', sox: 'sox' }, (l) => console.log(l));
  // Two at a time: espeak-ng and sox are single-threaded and the machine has two cores.
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    writeFileSync(cachePath, JSON.stringify(cache, null, 2) + '\n');
  }
  return { rendered: jobs.length, cached };
}
