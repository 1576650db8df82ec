// A pushed message joins the list at the top once (a reload may already hold it); "heard" replaces the
// row in place. The unheard count is derived from what the server last said plus what changed since.
import type { VoicemailItem } from './api.ts';

export function addMessage(list: readonly VoicemailItem[], item: VoicemailItem): { list: VoicemailItem[]; added: boolean } {
  if (list.some((v) => v.id === item.id)) return { list: [...list], added: false };
  return { list: [item, ...list], added: true };
}

export function replaceMessage(list: readonly VoicemailItem[], item: VoicemailItem): VoicemailItem[] {
  return list.map((v) => (v.id === item.id ? item : v));
}
