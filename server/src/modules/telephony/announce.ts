// Position and estimated-wait announcements to a queued caller, in the queue's languages (sounds/
// manifest: queue-position-before, num-N, queue-position-after, estimated-wait-*). Music stops while
// the prompt plays and comes back when it finishes (event-intake: playbackFinished).
import { isGone, type MediaUri } from '@ringside/pbx';
import { cleanupStep } from './pbx-cleanup.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

const snd = (lang: string, id: string): MediaUri => `sound:ringside/${lang}/${id}`;

export function announcementMedia(
  langs: string[],
  position: number | null,
  ewtMs: number | null,
): MediaUri[] {
  const media: MediaUri[] = [];
  for (const lang of langs) {
    if (position !== null) {
      if (position > 20) media.push(snd(lang, 'queue-position-many'));
      else
        media.push(
          snd(lang, 'queue-position-before'),
          snd(lang, `num-${position}`),
          snd(lang, 'queue-position-after'),
        );
    }
    if (ewtMs !== null) {
      const minutes = Math.round(ewtMs / 60_000);
      if (minutes < 1) media.push(snd(lang, 'estimated-wait-under-minute'));
      else
        media.push(
          snd(lang, 'estimated-wait-before'),
          snd(lang, `num-${Math.min(minutes, 20)}`),
          snd(lang, 'estimated-wait-minutes'),
        );
    }
  }
  return media;
}

export async function announce(
  rt: TelephonyRuntime,
  call: LiveCall,
  position: number | null,
  ewtMs: number | null,
): Promise<void> {
  call.lastAnnouncedAt = rt.now();
  const media = announcementMedia(call.languages, position, ewtMs);
  if (!media.length) return;
  try {
    await rt.pbx.stopMoh(call.callerChannel);
    const id = await rt.pbx.play({ kind: 'channel', id: call.callerChannel }, media);
    call.playbackId = id;
    rt.playbacks.set(id, { callId: call.id, then: 'moh' });
  } catch (err) {
    // A caller who just hung up: their hang-up event ends the call; nothing to announce or restore.
    if (isGone(err)) return;
    rt.log.warn({ err, callId: call.id }, 'telephony: announcement failed');
    // One caller's failed announcement must not stop the routing pass: music back on, or log why not.
    await cleanupStep(
      rt.log,
      rt.pbx.startMoh(call.callerChannel),
      'music on hold after a failed announcement',
      { callId: call.id },
    );
  }
}
