// Voicemail messages as the console sees them (GET /api/voicemails and the 'voicemail:new' push).
import { Type, type Static } from 'typebox';

export interface VoicemailItem {
  id: string;
  callId: string;
  mailboxKind: 'queue' | 'user';
  mailboxId: string;
  /** The queue's name or the user's display name. */
  mailboxName: string;
  callerNumber: string;
  /** The caller matched at the call (customer / contact / lead), when any. */
  partyType: string | null;
  partyId: string | null;
  customerId: string | null;
  durationSec: number | null;
  createdAt: string;
  heardAt: string | null;
}

export const VoicemailListQuery = Type.Object(
  {
    unheard: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type VoicemailListQuery = Static<typeof VoicemailListQuery>;
