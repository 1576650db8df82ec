// How many calls to place now. Pure: the telephony dialer calls this on every event and on a 1 s tick,
// with a snapshot of the campaign and the learner's estimates, and originates `dialNow` calls.
//
//   preview      0 automatic dials; agents dial from the preview screen.
//   progressive  one dial per ready agent not already covered by a dial in progress (never abandons).
//   power        a fixed number of dials in progress per ready agent.
//   predictive   dials while the modelled abandon risk of one more call stays under the threshold the
//                abandon-rate controller sets; progressive while the learned distributions are thin.
// Every mode respects the ceiling of lines (dials in progress) per agent.

import type { PacingPolicy } from './policy.ts';
import { deficitProfile, dialsWithinRisk } from './risk-model.ts';
import type { PacingDecision, PacingEstimates, PacingState } from './types.ts';

function agentsAvailable(state: PacingState): number {
  return state.readyAgents + state.talkElapsedSec.length + state.wrapElapsedSec.length;
}

/** Dials still allowed under the per-agent ceiling of lines. */
export function linesLeft(state: PacingState, policy: PacingPolicy): number {
  const ceiling = Math.floor(policy.maxLinesPerAgent * agentsAvailable(state));
  return Math.max(0, ceiling - state.dialAgesSec.length);
}

export function progressiveDials(state: PacingState): number {
  return Math.max(0, state.readyAgents - state.dialAgesSec.length - state.waitingAgesSec.length);
}

function capped(wanted: number, state: PacingState, policy: PacingPolicy, reason: string): PacingDecision {
  const left = linesLeft(state, policy);
  if (wanted > left) return { dialNow: left, reason: `${reason}; capped at ${policy.maxLinesPerAgent} lines per agent` };
  return { dialNow: Math.max(0, wanted), reason };
}

function predictive(state: PacingState, est: PacingEstimates, policy: PacingPolicy): PacingDecision {
  const base = progressiveDials(state);
  if (est.confidence <= 0) return capped(base, state, policy, 'progressive: no data yet');
  const maxDials = linesLeft(state, policy);
  if (maxDials === 0) return { dialNow: 0, reason: `predictive: at ${policy.maxLinesPerAgent} lines per agent` };
  const profile = deficitProfile(state, est);
  const model = dialsWithinRisk(profile, est.riskThreshold, maxDials);
  if (est.confidence < 1) {
    // Move from progressive toward the model as observations accumulate, never beyond it.
    const blended = base + Math.floor(est.confidence * Math.max(0, model - base));
    return capped(blended, state, policy, `predictive warming up (confidence ${est.confidence.toFixed(2)})`);
  }
  return capped(model, state, policy, `predictive: risk ≤ ${est.riskThreshold.toFixed(4)}`);
}

export function decidePacing(state: PacingState, est: PacingEstimates, policy: PacingPolicy, _nowSec: number): PacingDecision {
  if (agentsAvailable(state) === 0) return { dialNow: 0, reason: 'no agents' };
  switch (policy.mode) {
    case 'preview':
      return { dialNow: 0, reason: 'preview: agents dial' };
    case 'progressive':
      return capped(progressiveDials(state), state, policy, 'progressive: one dial per ready agent');
    case 'power': {
      const wanted = Math.round(policy.powerLinesPerAgent * state.readyAgents) - state.dialAgesSec.length - state.waitingAgesSec.length;
      return capped(wanted, state, policy, `power: ${policy.powerLinesPerAgent} lines per ready agent`);
    }
    case 'predictive':
      return predictive(state, est, policy);
  }
}
