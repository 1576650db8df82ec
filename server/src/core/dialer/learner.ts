// Everything the pacer learns during a campaign, fed by the telephony events and read as PacingEstimates.
// Nothing here is configured per campaign except the abandon rule: answer rate, answer timing and handle
// times are learned from the campaign's own calls. Deterministic and clock-free: callers pass `nowSec`.

import { riskThreshold, initialControl, updateControl, type AbandonControlState } from './abandon/controller.ts';
import { emptyAbandonWindow, recordLiveAnswer, windowCounts, type AbandonWindowState } from './abandon/rolling-window.ts';
import { emptyAnswerRate, estimateAnswerRate, observeDial, type AnswerRateState } from './estimators/answer-rate.ts';
import { answerTimeCdf, answerWithin, cdfAt, emptyAnswerTime, observeResolution, type AnswerTimeCdf, type AnswerTimeState } from './estimators/answer-time.ts';
import { emptyDuration, endsWithin, observeDuration, survivalOf, type DurationState, type DurationSurvival } from './estimators/duration-distribution.ts';
import { RowCache } from './estimators/grid-rows.ts';
import type { PacingPolicy } from './policy.ts';
import type { DialResolution, LiveAnswerOutcome, PacingEstimates, PacingState } from './types.ts';

/** Used only until the first calls complete; the pacer is progressive then anyway. */
const PRIOR_TALK_SEC = 120;
const PRIOR_WRAP_SEC = 15;
const STEP_SEC = 1;
/** Handle-time tables are rebuilt after this many new completions (or this long), not on every call. */
const REBUILD_GROWTH = 0.02;
const REBUILD_MAX_AGE_SEC = 30;
const P_ANSWER_TOLERANCE = 0.01;

interface Tables {
  readonly pAnswer: number;
  readonly steps: number;
  readonly newAnswerBy: Float64Array;
  readonly dial: RowCache;
  readonly talk: RowCache;
  readonly wrap: RowCache;
}

export class CampaignLearner {
  private readonly answerRate: AnswerRateState = emptyAnswerRate();
  private readonly answerTime: AnswerTimeState = emptyAnswerTime();
  private readonly talk: DurationState = emptyDuration(2, 3600);
  private readonly wrap: DurationState = emptyDuration(1, 900);
  private readonly window: AbandonWindowState;
  private readonly control: AbandonControlState;
  private answerCdf: AnswerTimeCdf | undefined;
  private talkSurvival: DurationSurvival | undefined;
  private wrapSurvival: DurationSurvival | undefined;
  private tables: Tables | undefined;
  private cdfBuiltAtSec = -Infinity;
  private cdfBuiltWith = -1;
  private survivalBuiltAtSec = -Infinity;
  private survivalBuiltWith = -1;

  constructor(private readonly policy: PacingPolicy) {
    this.window = emptyAbandonWindow(policy.abandonWindowSec);
    this.control = initialControl(policy.abandonTarget, policy.control);
  }

  /** A dial ended its ringing phase `ageSec` after originate. */
  dialResolved(resolution: DialResolution, ageSec: number): void {
    const live = resolution === 'answered';
    observeDial(this.answerRate, live);
    observeResolution(this.answerTime, live, ageSec);
  }

  /** A live answer was connected to an agent, or abandoned (AMD false positives count as abandoned). */
  liveAnswerSettled(outcome: LiveAnswerOutcome, nowSec: number): void {
    recordLiveAnswer(this.window, nowSec, outcome !== 'connected');
    const counts = windowCounts(this.window, nowSec);
    updateControl(this.control, this.policy.abandonTarget, this.reserve(counts.liveAnswers), counts, this.policy.control);
  }

  talkEnded(durationSec: number): void {
    observeDuration(this.talk, durationSec);
  }

  wrapEnded(durationSec: number): void {
    observeDuration(this.wrap, durationSec);
  }

  /** Observations so far, for warm-up and for logs. */
  counts(): { dials: number; answers: number; talks: number; wraps: number } {
    return { dials: this.answerRate.totalDials, answers: this.answerTime.answeredCount, talks: this.talk.completed, wraps: this.wrap.completed };
  }

  estimates(state: PacingState, nowSec: number): PacingEstimates {
    const t = this.refresh(state, nowSec);
    const w = this.policy.warmup;
    const c = this.counts();
    const confidence = Math.min(1, c.answers / w.answers, c.talks / w.talks, c.dials / w.dials, c.wraps / w.talks);
    const windowNow = windowCounts(this.window, nowSec);
    return {
      pAnswer: t.pAnswer,
      confidence,
      stepSec: STEP_SEC,
      steps: t.steps,
      newAnswerBy: t.newAnswerBy,
      dialAnswerRow: t.dial.row,
      talkFreeRow: t.talk.row,
      wrapFreeRow: t.wrap.row,
      riskThreshold: riskThreshold(this.control, this.policy.abandonTarget, this.reserve(windowNow.liveAnswers), windowNow, this.policy.control),
      window: windowNow,
    };
  }

  /** Abandons the controller keeps unspent: a few, plus a share of the budget for large windows. */
  private reserve(liveAnswers: number): number {
    return this.policy.reserveAbandons + this.policy.reserveShare * this.policy.abandonTarget * liveAnswers;
  }

  /** Rebuilds the learned tables when they are stale; rows are recomputed lazily after that. */
  private refresh(state: PacingState, nowSec: number): Tables {
    let stale = !this.tables;
    const pAnswer = estimateAnswerRate(this.answerRate);
    const answered = this.answerTime.answeredCount;
    if (!this.answerCdf || answered >= this.cdfBuiltWith * (1 + REBUILD_GROWTH) + 1 || nowSec - this.cdfBuiltAtSec >= REBUILD_MAX_AGE_SEC) {
      this.answerCdf = answerTimeCdf(this.answerTime);
      this.cdfBuiltAtSec = nowSec;
      this.cdfBuiltWith = answered;
      stale = true;
    }
    const done = this.talk.completed;
    if (!this.talkSurvival || !this.wrapSurvival || done >= this.survivalBuiltWith * (1 + REBUILD_GROWTH) + 1 || nowSec - this.survivalBuiltAtSec >= REBUILD_MAX_AGE_SEC) {
      this.talkSurvival = survivalOf(this.talk, state.talkElapsedSec, PRIOR_TALK_SEC);
      this.wrapSurvival = survivalOf(this.wrap, state.wrapElapsedSec, PRIOR_WRAP_SEC);
      this.survivalBuiltAtSec = nowSec;
      this.survivalBuiltWith = done;
      stale = true;
    }
    // The answer rate moves a little with every dial; rows are recomputed only when it has really moved.
    if (stale || Math.abs(this.tables!.pAnswer - pAnswer) > P_ANSWER_TOLERANCE * pAnswer) this.tables = this.buildTables(pAnswer);
    return this.tables!;
  }

  private buildTables(pAnswer: number): Tables {
    const cdf = this.answerCdf!;
    const talk = this.talkSurvival!;
    const wrap = this.wrapSurvival!;
    const grace = this.policy.graceSec;
    const steps = Math.max(1, Math.ceil(cdf.horizonSec / STEP_SEC));
    const at = (j: number) => (j + 1) * STEP_SEC;
    const newAnswerBy = new Float64Array(steps);
    for (let j = 0; j < steps; j++) newAnswerBy[j] = pAnswer * cdfAt(cdf.answered, cdf.binSec, at(j));
    // Wrap-up is taken at its mean after talk: in practice it is close to a fixed timer.
    const wrapMean = wrap.meanSec;
    return {
      pAnswer,
      steps,
      newAnswerBy,
      dial: new RowCache(0.25, steps, (age, row) => {
        for (let j = 0; j < steps; j++) row[j] = answerWithin(cdf, pAnswer, age, at(j));
      }),
      talk: new RowCache(1, steps, (elapsed, row) => {
        for (let j = 0; j < steps; j++) row[j] = endsWithin(talk, elapsed, at(j) + grace - wrapMean);
      }),
      wrap: new RowCache(0.25, steps, (elapsed, row) => {
        for (let j = 0; j < steps; j++) row[j] = endsWithin(wrap, elapsed, at(j) + grace);
      }),
    };
  }
}
