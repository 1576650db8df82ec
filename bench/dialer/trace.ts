// npx tsx bench/dialer/trace.ts SCENARIO_ID [SEED] [POLICY_JSON]
// One predictive shift with the pacer's state printed every half hour: accepted risk θ, learned answer
// rate, the window's abandon budget. For looking at how the controller behaves, not for figures.
import { resolve } from 'node:path';
import { loadScenarios } from './scenarios.ts';
import { policyFor, type PolicyOverrides } from './job.ts';
import { CampaignLearner } from '../../server/src/core/dialer/learner.ts';
import { decidePacing } from '../../server/src/core/dialer/pacer.ts';
import { simulateShift } from './simulator.ts';
import type { PacingState } from '../../server/src/core/dialer/types.ts';
const f = loadScenarios(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'bench', 'dialer-scenarios.json'));
const sc = f.scenarios.find((s) => s.id === process.argv[2]);
if (!sc) throw new Error(`unknown scenario ${process.argv[2]}`);
const policy = policyFor(f.model, 'predictive', process.argv[4] ? (JSON.parse(process.argv[4]) as PolicyOverrides) : {});
const learner = new CampaignLearner(policy);
let nextPrint = 0;
const r = simulateShift(f.model, sc, {
  decide(state: PacingState, now: number) {
    const est = learner.estimates(state, now);
    const d = decidePacing(state, est, policy, now);
    if (now >= nextPrint) {
      nextPrint += 1800;
      console.log(`${(now / 3600).toFixed(1)}h theta ${est.riskThreshold.toFixed(4)} pA ${est.pAnswer.toFixed(3)} live ${est.window.liveAnswers} ab ${est.window.abandoned} B ${(policy.abandonTarget * est.window.liveAnswers - est.window.abandoned).toFixed(1)} conf ${est.confidence.toFixed(2)} ${d.reason}`);
    }
    return d.dialNow;
  },
  dialResolved: (r, a) => learner.dialResolved(r, a),
  liveAnswerSettled: (o, n) => learner.liveAnswerSettled(o, n),
  talkEnded: (d) => learner.talkEnded(d),
  wrapEnded: (d) => learner.wrapEnded(d),
}, Number(process.argv[3] ?? 1000));
console.log(JSON.stringify(r));
