// State the fake keeps per channel, and how our hang-up reasons map to the Q.850 cause Asterisk reports.
import type { HangupOutcome, HangupReason } from '../port/outcome.ts';

export interface FakeChannel {
  id: string;
  state: 'ring' | 'ringing' | 'up' | 'down';
  inApp: boolean;
  bridgeId?: string;
  variables: Map<string, string>;
  args: string[];
}

export interface RecordedCommand {
  name: string;
  args: unknown[];
}

export const REASON_CAUSE: Record<Exclude<HangupReason, number>, [number, HangupOutcome]> = {
  normal: [16, 'answered-normal'],
  busy: [17, 'busy'],
  congestion: [34, 'congestion'],
  'no-answer': [19, 'no-answer'],
  rejected: [21, 'rejected'],
  unallocated: [1, 'unallocated'],
  'answered-elsewhere': [26, 'answered-elsewhere'],
  failed: [38, 'failed'],
};

