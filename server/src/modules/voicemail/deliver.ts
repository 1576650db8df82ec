// A voicemail recording finished (the caller pressed #, went silent, reached the maximum length or hung
// up): the message is pushed to the consoles of whoever owns the mailbox ('voicemail:new').
import type { Db } from '../../db/client.ts';
import type { RealtimeServer } from '../../plugins/realtime.ts';
import { deliveredItem, recipientsOf, voicemailByRecording } from './repository.ts';

export function isVoicemailRecording(name: string): boolean {
  return name.startsWith('vm-');
}

export async function deliverVoicemail(db: Db, io: RealtimeServer, recordingName: string): Promise<void> {
  const id = await voicemailByRecording(db, recordingName);
  const item = id ? await deliveredItem(db, id) : undefined;
  if (!item) return;
  const to = await recipientsOf(db, item);
  if (to.length) io.to(to.map((u) => `user:${u}`)).emit('voicemail:new', item);
}
