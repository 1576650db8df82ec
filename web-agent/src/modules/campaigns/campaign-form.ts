// The create/edit form's state ↔ the campaign body the API takes; the pure part of CampaignFormDialog.
import { defaultWeek, windowProblems, windowsFromJson, windowsToJson, type DayWindows } from './windows.ts';
import { retryFormFromJson, retryFormToJson, type RetryRulesForm } from './retry-rules.ts';
import type { Campaign, CampaignBody, CampaignDisposition, CampaignMode } from './types.ts';

export const MIN_RING_TIMEOUT_SEC = 15;

export interface CampaignForm {
  name: string;
  mode: CampaignMode;
  callerId: string;
  trunk: string;
  script: string;
  agentIds: string[];
  teamIds: string[];
  maxLinesPerAgent: number;
  powerLinesPerAgent: number;
  /** Percent in the form (3 = 3 %), a fraction in the API (0.03). */
  abandonTargetPct: number;
  abandonWindow: 'uk24h' | 'us30d';
  amdEnabled: boolean;
  amdAction: 'hangup' | 'message';
  recordCalls: boolean;
  ringTimeoutSec: number;
  week: DayWindows[];
  retry: RetryRulesForm;
  unreachableAfterNoAnswers: number;
  dispositions: CampaignDisposition[];
}

export function defaultDispositions(): CampaignDisposition[] {
  return [
    { code: 'sale', labelZh: '成交', labelEn: 'Sale', meaning: 'final' },
    { code: 'not_interested', labelZh: '无意向', labelEn: 'Not interested', meaning: 'final' },
    { code: 'call_back', labelZh: '预约回拨', labelEn: 'Call back', meaning: 'callback' },
    { code: 'try_later', labelZh: '稍后再拨', labelEn: 'Try later', meaning: 'retry', retryDelaySec: 3600 },
    { code: 'do_not_call', labelZh: '拒绝再呼', labelEn: 'Do not call', meaning: 'dnc' },
  ];
}

export function newCampaignForm(): CampaignForm {
  return {
    name: '',
    mode: 'progressive',
    callerId: '',
    trunk: 'carrier',
    script: '',
    agentIds: [],
    teamIds: [],
    maxLinesPerAgent: 3,
    powerLinesPerAgent: 2,
    abandonTargetPct: 3,
    abandonWindow: 'uk24h',
    amdEnabled: false,
    amdAction: 'hangup',
    recordCalls: true,
    ringTimeoutSec: 25,
    week: defaultWeek(),
    retry: retryFormFromJson(null),
    unreachableAfterNoAnswers: 3,
    dispositions: defaultDispositions(),
  };
}

export function formFromCampaign(c: Campaign): CampaignForm {
  const base = newCampaignForm();
  return {
    ...base,
    name: c.name,
    mode: c.mode,
    callerId: c.callerId ?? '',
    trunk: c.trunk ?? base.trunk,
    script: c.script ?? '',
    agentIds: [...(c.agentIds ?? [])],
    teamIds: [...(c.teamIds ?? [])],
    maxLinesPerAgent: c.maxLinesPerAgent ?? base.maxLinesPerAgent,
    powerLinesPerAgent: c.powerLinesPerAgent ?? base.powerLinesPerAgent,
    abandonTargetPct: c.abandonTarget !== undefined ? Math.round(Number(c.abandonTarget) * 1000) / 10 : base.abandonTargetPct,
    abandonWindow: c.abandonWindow ?? base.abandonWindow,
    amdEnabled: c.amdEnabled ?? false,
    amdAction: c.amdAction ?? 'hangup',
    recordCalls: c.recordCalls ?? base.recordCalls,
    ringTimeoutSec: c.ringTimeoutSec ?? base.ringTimeoutSec,
    week: c.callingWindows ? windowsFromJson(c.callingWindows) : base.week,
    retry: retryFormFromJson(c.retryRules),
    unreachableAfterNoAnswers: c.unreachableAfterNoAnswers ?? base.unreachableAfterNoAnswers,
    dispositions: (c.dispositions ?? base.dispositions).map((d) => ({ ...d })),
  };
}

export function bodyFromForm(f: CampaignForm): CampaignBody {
  const retryRules = retryFormToJson(f.retry);
  // One number for "N no-answers on different days": the column and the rules' field say the same thing.
  retryRules.unreachableAfterNoAnswerDays = Math.max(1, Math.round(f.unreachableAfterNoAnswers));
  return {
    name: f.name.trim(),
    mode: f.mode,
    callerId: f.callerId.trim(),
    trunk: f.trunk.trim() || 'carrier',
    script: f.script,
    agentIds: [...f.agentIds],
    teamIds: [...f.teamIds],
    maxLinesPerAgent: Math.max(1, Math.round(f.maxLinesPerAgent)),
    powerLinesPerAgent: Math.max(1, Math.round(f.powerLinesPerAgent)),
    abandonTarget: Math.round(f.abandonTargetPct * 10) / 1000,
    abandonWindow: f.abandonWindow,
    amdEnabled: f.amdEnabled,
    amdAction: f.amdAction,
    recordCalls: f.recordCalls,
    ringTimeoutSec: Math.max(MIN_RING_TIMEOUT_SEC, Math.round(f.ringTimeoutSec)),
    callingWindows: windowsToJson(f.week),
    retryRules,
    unreachableAfterNoAnswers: retryRules.unreachableAfterNoAnswerDays,
  };
}

export type FormProblem =
  | 'nameRequired'
  | 'callerIdInvalid'
  | 'ringTimeout'
  | 'linesOrder'
  | 'abandonTarget'
  | 'windows'
  | 'dispositionsEmpty'
  | 'dispositionCode'
  | 'dispositionDuplicate'
  | 'dispositionLabel';

/** Problems that stop a save; the dialog shows them translated next to the button. */
export function formProblems(f: CampaignForm): FormProblem[] {
  const p: FormProblem[] = [];
  if (!f.name.trim()) p.push('nameRequired');
  if (!/^\+?[0-9]{3,20}$/.test(f.callerId.trim())) p.push('callerIdInvalid');
  if (!(f.ringTimeoutSec >= MIN_RING_TIMEOUT_SEC)) p.push('ringTimeout');
  if (f.mode === 'power' && f.powerLinesPerAgent > f.maxLinesPerAgent) p.push('linesOrder');
  if (!(f.abandonTargetPct > 0 && f.abandonTargetPct <= 10)) p.push('abandonTarget');
  if (windowProblems(f.week).length) p.push('windows');
  if (!f.dispositions.length) p.push('dispositionsEmpty');
  if (f.dispositions.some((d) => !/^[a-z0-9_-]{1,40}$/i.test(d.code))) p.push('dispositionCode');
  if (new Set(f.dispositions.map((d) => d.code.toLowerCase())).size !== f.dispositions.length) p.push('dispositionDuplicate');
  if (f.dispositions.some((d) => !d.labelZh.trim() || !d.labelEn.trim())) p.push('dispositionLabel');
  return p;
}

/** The dispositions as PUT /api/campaigns/:id/dispositions takes them (retry delay, ≥ 60 s, only for 'retry'). */
export function dispositionsBody(list: readonly CampaignDisposition[]): CampaignDisposition[] {
  return list.map((d) => ({
    code: d.code.trim(),
    labelZh: d.labelZh.trim(),
    labelEn: d.labelEn.trim(),
    meaning: d.meaning,
    retryDelaySec: d.meaning === 'retry' ? Math.max(60, Math.round(d.retryDelaySec ?? 3600)) : null,
  }));
}
