// Bridge recordings (queues with recording on): one file per call, <name>.wav in RECORDINGS_DIR, with a
// row in `recordings` so the call log and the customer 360 can play it (GET /api/recordings/:id).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordings } from '../../db/schema/calls.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

// Transfers keep the caller in the same bridge, so a call has one recording end to end.
export async function startCallRecording(
  rt: TelephonyRuntime,
  call: LiveCall,
  bridgeId: string,
): Promise<void> {
  if (call.recording) return;
  const name = `call-${call.id}`;
  // The id is ours so the row can be written behind the call path (call-writer.ts) and still be named
  // on the call record and the activity at once.
  const id = randomUUID();
  call.recording = { id, name };
  // The start as of now, not of when the write runs (it waits while the database is away);
  // recordingStarted refines it to Asterisk's own start.
  const startedAt = new Date(rt.now());
  rt.writes.enqueue(`recording ${name}`, () =>
    rt.deps.db
      .insert(recordings)
      .values({ id, callId: call.id, name, format: 'wav', kind: 'call', startedAt })
      .onConflictDoNothing(),
  );
  await rt.pbx.recordBridge(bridgeId, { name, format: 'wav', ifExists: 'overwrite' });
}

export function recordingFinished(rt: TelephonyRuntime, name: string, durationSec: number | undefined): void {
  const endedAt = new Date();
  rt.writes.enqueue(`recording ${name} finished`, () =>
    rt.deps.db
      .update(recordings)
      .set({ endedAt, durationSec: durationSec ?? null })
      .where(eq(recordings.name, name)),
  );
}
