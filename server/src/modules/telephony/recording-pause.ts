// Pause/resume of a call's bridge recording by the agent on the call (card numbers and other sensitive
// moments), every pause and resume logged in recording_pauses (who, when, offset into the recording).
// Asterisk's ARI pause leaves the paused span OUT of the file (measured: a 5 s recording with 2 s
// paused is a 3 s file), which would shift everything after it and hide that something was removed.
// So when the recording finishes the server writes each logged span back in as silence
// (core/recording/pause-spans.ts); the file then runs as long as the call with silence where paused.
import { chown, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isPbxError } from '@ringside/pbx';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordings } from '../../db/schema/calls.ts';
import { recordingPauses } from '../../db/schema/recordings.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import type { SilenceInput } from '../recordings/silence-task.ts';
import { LIGHT_WORKER } from '../../workers/limits.ts';
import { runInWorker } from '../../workers/pool.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export interface RecordingPauseState {
  recording: boolean;
  paused: boolean;
  /** ms into the recording of the last pause or resume. */
  offsetMs: number | null;
}

function ownLiveCall(rt: TelephonyRuntime, callId: string, userId: string): LiveCall {
  const call = rt.calls.get(callId);
  if (!call || call.state.status.kind === 'ended' || call.agentId !== userId)
    throw new AppError('RS_NOT_FOUND');
  return call;
}

async function openPause(rt: TelephonyRuntime, recordingId: string) {
  const [row] = await rt.deps.db
    .select({ id: recordingPauses.id, pauseOffsetMs: recordingPauses.pauseOffsetMs })
    .from(recordingPauses)
    .where(and(eq(recordingPauses.recordingId, recordingId), isNull(recordingPauses.resumedAt)));
  return row;
}

async function startedAt(rt: TelephonyRuntime, recordingId: string): Promise<number> {
  const [row] = await rt.deps.db
    .select({ startedAt: recordings.startedAt })
    .from(recordings)
    .where(eq(recordings.id, recordingId));
  return row?.startedAt.getTime() ?? rt.now();
}

export async function recordingPauseState(
  rt: TelephonyRuntime,
  callId: string,
  userId: string,
): Promise<RecordingPauseState> {
  return rt.run(async () => {
    const call = ownLiveCall(rt, callId, userId);
    if (!call.recording) return { recording: false, paused: false, offsetMs: null };
    const open = await openPause(rt, call.recording.id);
    return { recording: true, paused: !!open, offsetMs: open?.pauseOffsetMs ?? null };
  });
}

/** Pauses (paused = true) or resumes the recording of the user's own live call; 409 if already so. */
export async function setRecordingPaused(
  rt: TelephonyRuntime,
  callId: string,
  userId: string,
  paused: boolean,
  ip: string | null,
): Promise<RecordingPauseState> {
  return rt.run(async () => {
    const call = ownLiveCall(rt, callId, userId);
    const rec = call.recording;
    if (!rec) throw new AppError('RS_CONFLICT', 'This call is not being recorded');
    const open = await openPause(rt, rec.id);
    if (paused === !!open)
      throw new AppError(
        'RS_CONFLICT',
        paused ? 'The recording is already paused' : 'The recording is not paused',
      );
    const base = await startedAt(rt, rec.id);
    const before = rt.now();
    try {
      await (paused ? rt.pbx.pauseRecording(rec.name) : rt.pbx.unpauseRecording(rec.name));
    } catch (err) {
      if (isPbxError(err, 'not-found')) throw new AppError('RS_CONFLICT', 'The recording is not running');
      throw err;
    }
    // The PBX applied it somewhere between sending and the reply: take the middle.
    const at = Math.round((before + rt.now()) / 2);
    const offsetMs = Math.max(0, at - base);
    if (paused) {
      await rt.deps.db.insert(recordingPauses).values({
        recordingId: rec.id,
        callId,
        pausedBy: userId,
        pausedAt: new Date(at),
        pauseOffsetMs: offsetMs,
      });
    } else {
      await rt.deps.db
        .update(recordingPauses)
        .set({ resumedBy: userId, resumedAt: new Date(at), resumeOffsetMs: offsetMs })
        .where(eq(recordingPauses.id, open!.id));
    }
    await writeAudit(rt.deps.db, {
      actorUserId: userId,
      action: paused ? 'recording.pause' : 'recording.resume',
      entityType: 'recording',
      entityId: rec.id,
      details: { callId, offsetMs },
      ip,
    });
    return { recording: true, paused, offsetMs };
  });
}

/**
 * recordingStarted: the offsets of the pause log count from here. Behind the call path like the row's
 * insert (call-writer.ts), so it lands after that insert and survives a database outage; the time is
 * taken now, not when the write runs.
 */
export function recordingStartedAt(rt: TelephonyRuntime, name: string): void {
  const startedAt = new Date(rt.now());
  rt.writes.enqueue(`recording ${name} started`, () =>
    rt.deps.db.update(recordings).set({ startedAt }).where(eq(recordings.name, name)),
  );
}

/**
 * recordingFinished: closes a pause still open (the call ended while paused) and writes every span not
 * yet silenced back into the file. Idempotent: spans are stamped silenced_at in the same step.
 */
const SILENCE_TASK = new URL('../recordings/silence-task.ts', import.meta.url);

/** endedAt: when the recording finished (the event's time); the work itself may run later. */
export async function silencePausedSpans(rt: TelephonyRuntime, name: string, endedAt: number): Promise<void> {
  const db = rt.deps.db;
  const [rec] = await db
    .select({ id: recordings.id, format: recordings.format, startedAt: recordings.startedAt })
    .from(recordings)
    .where(eq(recordings.name, name));
  if (!rec) return;
  // A pause still open ends where the recording ended, not when this runs (after the writer's queue).
  const now = endedAt;
  await db
    .update(recordingPauses)
    .set({
      resumedAt: new Date(now),
      resumeOffsetMs: sql`greatest(${recordingPauses.pauseOffsetMs}, ${now - rec.startedAt.getTime()})`,
    })
    .where(and(eq(recordingPauses.recordingId, rec.id), isNull(recordingPauses.resumedAt)));
  const spans = await db
    .select({
      id: recordingPauses.id,
      pauseOffsetMs: recordingPauses.pauseOffsetMs,
      resumeOffsetMs: recordingPauses.resumeOffsetMs,
    })
    .from(recordingPauses)
    .where(and(eq(recordingPauses.recordingId, rec.id), isNull(recordingPauses.silencedAt)));
  if (!spans.length) return;
  if (rec.format !== 'wav') {
    rt.log.warn(
      { name, format: rec.format },
      'recording pause: only wav files get their paused spans back as silence',
    );
    return;
  }
  const file = join(rt.deps.config.RECORDINGS_DIR, `${name}.wav`);
  // Same owner as Asterisk's file (it may need to overwrite it), swapped in by rename: never half-written.
  const st = await stat(file);
  const tmp = `${file}.silencing`;
  const input: SilenceInput = {
    file,
    out: tmp,
    mode: st.mode,
    spans: spans.map((s) => ({
      pauseOffsetMs: s.pauseOffsetMs,
      resumeOffsetMs: s.resumeOffsetMs ?? s.pauseOffsetMs,
    })),
  };
  const { durationMs } = await runInWorker<{ durationMs: number }>({
    module: SILENCE_TASK,
    export: 'silenceTask',
    input,
    lane: 'light',
    limits: LIGHT_WORKER,
  });
  await chown(tmp, st.uid, st.gid).catch((err: unknown) =>
    // Not root (a development checkout): the file keeps our owner; Asterisk no longer writes to it.
    rt.log.warn(
      { err, name, uid: st.uid, gid: st.gid },
      'recording pause: the silenced file keeps our owner, not the original',
    ),
  );
  await rename(tmp, file);
  await db.transaction(async (tx) => {
    await tx
      .update(recordingPauses)
      .set({ silencedAt: new Date(now) })
      .where(
        inArray(
          recordingPauses.id,
          spans.map((s) => s.id),
        ),
      );
    await tx
      .update(recordings)
      .set({ durationSec: Math.round(durationMs / 1000) })
      .where(eq(recordings.id, rec.id));
  });
}
