// Recordings: search, waveform, pause/resume on a live call, retention. The console imports the types.
import { Type, type Static } from 'typebox';

const uuid = () => Type.String({ format: 'uuid' });

export const RecordingSearchQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    agentId: Type.Optional(uuid()),
    queueId: Type.Optional(uuid()),
    /** Outbound campaign calls (campaign_attempts.call_id). */
    campaignId: Type.Optional(uuid()),
    customerId: Type.Optional(uuid()),
    /** Part of the customer's name or of the caller's / called number. */
    customer: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    disposition: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    minDurationSec: Type.Optional(Type.Integer({ minimum: 0 })),
    maxDurationSec: Type.Optional(Type.Integer({ minimum: 0 })),
    kind: Type.Optional(Type.Union([Type.Literal('call'), Type.Literal('voicemail')])),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type RecordingSearchQuery = Static<typeof RecordingSearchQuery>;

export interface RecordingListItem {
  id: string;
  callId: string;
  kind: 'call' | 'voicemail';
  startedAt: string;
  durationSec: number | null;
  direction: 'inbound' | 'outbound';
  callerNumber: string;
  calledNumber: string | null;
  agentId: string | null;
  agentName: string | null;
  queueId: string | null;
  queueName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  customerId: string | null;
  customerName: string | null;
  disposition: string | null;
  outcome: string;
  pauses: number;
}

export interface RecordingPauseEntry {
  pausedAt: string;
  pauseOffsetMs: number;
  pausedBy: string | null;
  resumedAt: string | null;
  resumeOffsetMs: number | null;
  resumedBy: string | null;
}

/** GET /api/recordings/:id/waveform: peaks (0..1) evenly over the file, and the paused spans to mark. */
export interface RecordingWaveform {
  durationMs: number;
  peaks: number[];
  pauses: RecordingPauseEntry[];
}

export const WaveformQuery = Type.Object({ buckets: Type.Integer({ minimum: 50, maximum: 4000, default: 800 }) }, { additionalProperties: false });

export const PlaybackQuery = Type.Object({ download: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

/** The recording of the agent's own live call (GET/POST /api/calls/:id/recording[/pause|/resume]). */
export interface RecordingPauseStatePayload {
  recording: boolean;
  paused: boolean;
  offsetMs: number | null;
}

/** 0 = keep recordings forever (a nullable integer would let the validator coerce 0 to null). */
export const RetentionBody = Type.Object({ retentionDays: Type.Integer({ minimum: 0, maximum: 36500 }) }, { additionalProperties: false });
export type RetentionBody = Static<typeof RetentionBody>;

export interface RetentionSettings {
  /** null = forever. */
  retentionDays: number | null;
  updatedAt: string | null;
}
