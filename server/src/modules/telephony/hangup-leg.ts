// Dropping one leg of a call on purpose (a cancelled offer, the caller of an ended call, the agent who
// transferred away): forgotten first, so its destruction is not news to the event handlers.
import { cleanupStep } from './pbx-cleanup.ts';
import type { TelephonyRuntime } from './runtime.ts';

/**
 * Hangs up a leg we no longer want events about (forgotten first, so its destruction is not news). The
 * leg may be gone already; any other failure is logged and the caller's sequence goes on.
 */
export async function hangupLeg(
  rt: TelephonyRuntime,
  channelId: string | undefined,
  forget: () => void,
): Promise<void> {
  forget();
  if (!channelId) return;
  rt.channels.delete(channelId);
  await cleanupStep(rt.log, rt.pbx.hangup(channelId), 'hang-up of a leg', { channelId });
}
