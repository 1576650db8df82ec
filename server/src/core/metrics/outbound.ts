// Outbound campaign figures from dial attempts (campaign_attempts):
//   attempts   = every attempt that finished (an attempt still ringing has outcome 'dialing'-like
//                values we do not count; the dialer writes the row when it ends);
//   connects   = attempts answered by a person (outcome 'answered') or dropped by us after a person
//                answered (outcome 'abandoned');
//   contact rate = connects / attempts;
//   abandon rate = abandoned / connects (the regulators' definition: share of live answers not put
//                  through to an agent);
//   conversions = answered attempts whose disposition code is one of the conversion codes given to
//                 the report (campaign dispositions have no "sale" flag; default codes below);
//   conversion rate = conversions / (connects − abandoned), i.e. per conversation.
import type { AttemptFact } from './facts.ts';

export const DEFAULT_CONVERSION_CODES = ['sale', 'converted', 'success', 'interested'];

export interface CampaignFigures {
  campaignId: string;
  attempts: number;
  connects: number;
  abandoned: number;
  machines: number;
  noAnswer: number;
  busy: number;
  failed: number;
  conversions: number;
  contactRate: number | null;
  abandonRate: number | null;
  conversionRate: number | null;
}

export function campaignFigures(attempts: readonly AttemptFact[], conversionCodes: readonly string[] = DEFAULT_CONVERSION_CODES): CampaignFigures[] {
  const by = new Map<string, CampaignFigures>();
  const codes = new Set(conversionCodes);
  for (const a of attempts) {
    let f = by.get(a.campaignId);
    if (!f) {
      f = { campaignId: a.campaignId, attempts: 0, connects: 0, abandoned: 0, machines: 0, noAnswer: 0, busy: 0, failed: 0, conversions: 0, contactRate: null, abandonRate: null, conversionRate: null };
      by.set(a.campaignId, f);
    }
    f.attempts += 1;
    if (a.outcome === 'answered') {
      f.connects += 1;
      if (a.disposition && codes.has(a.disposition)) f.conversions += 1;
    } else if (a.outcome === 'abandoned') {
      f.connects += 1;
      f.abandoned += 1;
    } else if (a.outcome === 'machine') f.machines += 1;
    else if (a.outcome === 'noAnswer') f.noAnswer += 1;
    else if (a.outcome === 'busy') f.busy += 1;
    else f.failed += 1;
  }
  for (const f of by.values()) {
    f.contactRate = f.attempts ? f.connects / f.attempts : null;
    f.abandonRate = f.connects ? f.abandoned / f.connects : null;
    const talked = f.connects - f.abandoned;
    f.conversionRate = talked ? f.conversions / talked : null;
  }
  return [...by.values()];
}
