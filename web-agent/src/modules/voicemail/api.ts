// REST calls of the voicemail list: the user's mailboxes (own + member queues), playback URL, heard.
import type { VoicemailItem } from '../../../../server/src/contracts/voicemail.ts';
import { api } from '../../services/api.ts';

export type { VoicemailItem };

export const voicemailApi = {
  list: (unheard = false) => api.get<{ items: VoicemailItem[]; unheard: number }>(`/api/voicemails${unheard ? '?unheard=true' : ''}`),
  heard: (id: string) => api.post<VoicemailItem>(`/api/voicemails/${id}/heard`),
  /** Served with HTTP Range, so <audio> can seek without downloading the whole message. */
  audioUrl: (id: string) => `/api/voicemails/${id}/audio`,
};
