// Drives the real pacing module the way the telephony dialer will: feed it the events as they happen,
// hand it a snapshot on every event and tick, originate what it says.
import { CampaignLearner } from '../../server/src/core/dialer/learner.ts';
import { decidePacing } from '../../server/src/core/dialer/pacer.ts';
import type { PacingPolicy } from '../../server/src/core/dialer/policy.ts';
import type { DialResolution, LiveAnswerOutcome, PacingState } from '../../server/src/core/dialer/types.ts';

export interface SimPacer {
  decide(state: PacingState, nowSec: number): number;
  dialResolved(resolution: DialResolution, ageSec: number): void;
  liveAnswerSettled(outcome: LiveAnswerOutcome, nowSec: number): void;
  talkEnded(durationSec: number): void;
  wrapEnded(durationSec: number): void;
}

export class PacerDriver implements SimPacer {
  private readonly learner: CampaignLearner;
  constructor(private readonly policy: PacingPolicy) {
    this.learner = new CampaignLearner(policy);
  }
  decide(state: PacingState, nowSec: number): number {
    return decidePacing(state, this.learner.estimates(state, nowSec), this.policy, nowSec).dialNow;
  }
  dialResolved(resolution: DialResolution, ageSec: number): void {
    this.learner.dialResolved(resolution, ageSec);
  }
  liveAnswerSettled(outcome: LiveAnswerOutcome, nowSec: number): void {
    this.learner.liveAnswerSettled(outcome, nowSec);
  }
  talkEnded(durationSec: number): void {
    this.learner.talkEnded(durationSec);
  }
  wrapEnded(durationSec: number): void {
    this.learner.wrapEnded(durationSec);
  }
}
