import { describe, expect, it } from 'vitest';
import { bodyFromForm, dispositionsBody, formFromCampaign, formProblems, newCampaignForm } from './campaign-form.ts';
import type { Campaign } from './types.ts';

const valid = () => ({ ...newCampaignForm(), name: '春季回访', callerId: '02161234567' });

describe('campaign form', () => {
  it('a new form with a name and caller ID is valid and maps to the API body', () => {
    const f = valid();
    expect(formProblems(f)).toEqual([]);
    const body = bodyFromForm(f);
    expect(body).toMatchObject({ name: '春季回访', callerId: '02161234567', trunk: 'carrier', abandonTarget: 0.03, abandonWindow: 'uk24h', ringTimeoutSec: 25 });
    expect(Object.keys(body.callingWindows)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(body.retryRules.unreachableAfterNoAnswerDays).toBe(body.unreachableAfterNoAnswers);
  });

  it('round-trips a stored campaign', () => {
    const stored: Campaign = {
      ...bodyFromForm({ ...valid(), mode: 'predictive', abandonTargetPct: 2.5, abandonWindow: 'us30d', ringTimeoutSec: 30, unreachableAfterNoAnswers: 4 }),
      id: 'c1',
      status: 'draft',
      dispositions: [{ code: 'ok', labelZh: '好', labelEn: 'OK', meaning: 'final' }],
    };
    const f = formFromCampaign(stored);
    expect(f.abandonTargetPct).toBe(2.5);
    expect(f.dispositions).toEqual(stored.dispositions);
    const { id: _id, status: _s, dispositions: _d, ...body } = stored;
    expect(bodyFromForm(f)).toEqual(body);
  });

  it('never sends a ring timeout under 15 s and flags it', () => {
    const f = { ...valid(), ringTimeoutSec: 10 };
    expect(formProblems(f)).toContain('ringTimeout');
    expect(bodyFromForm(f).ringTimeoutSec).toBe(15);
  });

  it('flags missing name, bad caller ID, power lines above the ceiling, bad windows and dispositions', () => {
    const f = { ...newCampaignForm(), callerId: 'abc', mode: 'power' as const, powerLinesPerAgent: 5, maxLinesPerAgent: 2, abandonTargetPct: 0 };
    f.week[0]!.ranges = [{ from: '18:00', to: '09:00' }];
    f.dispositions = [
      { code: 'a b', labelZh: '', labelEn: 'x', meaning: 'final' },
      { code: 'A', labelZh: 'y', labelEn: 'y', meaning: 'final' },
      { code: 'a', labelZh: 'z', labelEn: 'z', meaning: 'final' },
    ];
    expect(formProblems(f)).toEqual(['nameRequired', 'callerIdInvalid', 'linesOrder', 'abandonTarget', 'windows', 'dispositionCode', 'dispositionDuplicate', 'dispositionLabel']);
    expect(formProblems({ ...valid(), dispositions: [] })).toEqual(['dispositionsEmpty']);
  });

  it('keeps a retry delay only on retry dispositions', () => {
    expect(dispositionsBody([
      { code: ' later ', labelZh: '稍后', labelEn: 'Later', meaning: 'retry' },
      { code: 'dnc', labelZh: '勿扰', labelEn: 'DNC', meaning: 'dnc', retryDelaySec: 60 },
    ])).toEqual([
      { code: 'later', labelZh: '稍后', labelEn: 'Later', meaning: 'retry', retryDelaySec: 3600 },
      { code: 'dnc', labelZh: '勿扰', labelEn: 'DNC', meaning: 'dnc', retryDelaySec: null },
    ]);
  });
});
