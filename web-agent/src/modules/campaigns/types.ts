// The console's view of the campaign API (server/src/modules/campaigns/README.md is the contract).
// Loose where the server may add fields: the console reads what it needs and ignores the rest.

export const MODES = ['preview', 'progressive', 'power', 'predictive'] as const;
export type CampaignMode = (typeof MODES)[number];
export type CampaignStatus = 'draft' | 'running' | 'paused' | 'stopped' | 'completed';
export const MEANINGS = ['final', 'retry', 'callback', 'dnc', 'recycle'] as const;
export type DispositionMeaning = (typeof MEANINGS)[number];
export const RECORD_STATUSES = ['pending', 'dialing', 'scheduled', 'callback', 'done', 'invalid', 'unreachable', 'dnc', 'max_attempts'] as const;

export interface WindowRange {
  from: string;
  to: string;
}

/** Per weekday, as the server stores it; see windows.ts for the accepted shapes. */
export type CallingWindowsJson = Record<string, WindowRange[]> | WindowRange[][];

export interface RetryRuleJson {
  delaySec: number;
  maxAttempts: number;
}

/** The core rules format (server/src/core/dialer/rules/types.ts RetryRules). */
export interface RetryRulesJson {
  perOutcome: Record<string, RetryRuleJson>;
  maxAttempts: number;
  unreachableAfterNoAnswerDays: number;
  abandonedNoRedialSec: number;
}

export interface CampaignDisposition {
  code: string;
  labelZh: string;
  labelEn: string;
  meaning: DispositionMeaning;
  retryDelaySec?: number | null;
}

export interface CampaignBody {
  name: string;
  mode: CampaignMode;
  callerId: string;
  trunk: string;
  script: string;
  maxLinesPerAgent: number;
  powerLinesPerAgent: number;
  abandonTarget: number;
  abandonWindow: 'uk24h' | 'us30d';
  amdEnabled: boolean;
  amdAction: 'hangup' | 'message';
  recordCalls: boolean;
  ringTimeoutSec: number;
  callingWindows: CallingWindowsJson;
  retryRules: RetryRulesJson;
  unreachableAfterNoAnswers: number;
  agentIds: string[];
  teamIds: string[];
}

export interface Campaign extends Partial<CampaignBody> {
  id: string;
  name: string;
  status: CampaignStatus;
  mode: CampaignMode;
  createdAt?: string;
  updatedAt?: string;
  dispositions?: CampaignDisposition[];
  progress?: CampaignProgress;
}

export interface CampaignProgress {
  total: number;
  dialed: number;
  connected: number;
  abandoned: number;
  remaining: number;
  abandonPctWindow: number;
  byStatus: Record<string, number>;
}

/** One item of `app.dialer.snapshot()` / the `campaign:progress` socket event. */
export interface LiveProgress {
  campaignId: string;
  name: string;
  mode: string;
  status: string;
  dialRatePerMin: number;
  linesInProgress: number;
  connectsToday: number;
  abandonPctWindow: number;
  recordsLeft: number;
}

export interface CampaignRecord {
  id: string;
  phoneRaw?: string | null;
  phoneE164: string | null;
  name: string | null;
  timezone: string | null;
  priority: number;
  status: string;
  attempts: number;
  lastOutcome: string | null;
  lastDisposition: string | null;
  nextAttemptAt: string | null;
  callbackAt: string | null;
  leadId: string | null;
  customerId: string | null;
  contactId?: string | null;
}

export interface DncEntry {
  id?: string;
  phoneE164: string;
  reason: string | null;
  campaignId?: string | null;
  createdAt?: string;
}

/** GET /api/campaigns/mine: a running campaign the signed-in agent works on. */
export interface MyCampaign {
  id: string;
  name: string;
  mode: CampaignMode;
  status: string;
  script: string;
  dispositions: CampaignDisposition[];
}

/** The preview card's record (the dialer's DialTarget, claimed for this agent). */
export interface PreviewTarget {
  recordId: string;
  campaignId: string;
  phoneE164: string;
  name: string | null;
  timezone?: string;
  attempts?: number;
  leadId?: string | null;
  customerId?: string | null;
  contactId?: string | null;
}

/** GET /api/campaigns/:id/preview/next: the record and the same pop an inbound call of its number builds. */
export interface PreviewNext {
  record: PreviewTarget | null;
  pop: { party: { type: string; id: string; name: string; customerId: string | null } | null; customer360: unknown } | null;
  campaign?: { id: string; name: string; script: string };
}

export interface DispositionBody {
  code: string;
  note?: string;
  callbackAt?: string;
  callbackTo?: 'me' | 'campaign';
}

/** What the `call:offer` of a campaign call carries beyond { id, name } (dialer, additive). */
export interface OfferCampaign {
  id: string;
  name: string;
  recordId?: string;
  script?: string;
  dispositions?: DispositionOption[];
}

/** What the agent's disposition form needs; the offer types `meaning` as a plain string. */
export type DispositionOption = Omit<CampaignDisposition, 'meaning'> & { meaning: string };
