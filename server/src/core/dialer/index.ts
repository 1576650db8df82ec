// Public surface of the dialer core: pacing (how many to dial now) and rules (whom, and when again).
export type { DialerMode, PacingState, PacingEstimates, PacingDecision, DialResolution, LiveAnswerOutcome } from './types.ts';
export { defaultPacingPolicy, UK_WINDOW_SEC, US_WINDOW_SEC, type PacingPolicy } from './policy.ts';
export { CampaignLearner } from './learner.ts';
export { decidePacing, progressiveDials, linesLeft } from './pacer.ts';
export { deficitProfile, riskOfOneMore, dialsWithinRisk, type DeficitProfile } from './risk-model.ts';
export * from './rules/index.ts';
