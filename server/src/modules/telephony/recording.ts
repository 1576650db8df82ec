// Bridge recordings (queues with recording on): one file per call, <name>.wav in RECORDINGS_DIR, with a
// row in `recordings` so the call log and the customer 360 can play it (GET /api/recordings/:id).
import { eq } from 'drizzle-orm';
import { recordings } from '../../db/schema/calls.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

// Transfers keep the caller in the same bridge, so a call has one recording end to end.
export async function startCallRecording(rt: TelephonyRuntime, call: LiveCall, bridgeId: string): Promise<void> {
  const name = `call-${call.id}`;
  const [row] = await rt.deps.db.insert(recordings).values({ callId: call.id, name, format: 'wav', kind: 'call' }).onConflictDoNothing().returning({ id: recordings.id });
  if (!row) return;
  call.recording = { id: row.id, name };
  await rt.pbx.recordBridge(bridgeId, { name, format: 'wav', ifExists: 'overwrite' });
}

export async function recordingFinished(rt: TelephonyRuntime, name: string, durationSec: number | undefined): Promise<void> {
  await rt.deps.db
    .update(recordings)
    .set({ endedAt: new Date(), durationSec: durationSec ?? null })
    .where(eq(recordings.name, name));
}
