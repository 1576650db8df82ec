import { defaultControlTuning, type AbandonControlTuning } from './abandon/controller.ts';
import type { DialerMode } from './types.ts';

export interface PacingPolicy {
  readonly mode: DialerMode;
  /** Ceiling on dials in progress per available agent, whatever the mode says. */
  readonly maxLinesPerAgent: number;
  /** Power mode: dials kept in progress per ready agent. */
  readonly powerLinesPerAgent: number;
  /** Abandoned / live answers allowed over the rolling window (Ofcom and the FTC both say 3 %). */
  readonly abandonTarget: number;
  /** 24 h for UK-style rules, 30 days for US-style. */
  readonly abandonWindowSec: number;
  /** A live answer not connected within this many seconds counts as abandoned. */
  readonly graceSec: number;
  /**
   * Abandons kept in reserve below the budget (target × live answers): the controller aims for this
   * slack, so a burst of bad luck near the end of a window still leaves the rate under target.
   */
  readonly reserveAbandons: number;
  /**
   * Further reserve as a share of the window's budget. Large campaigns have a budget of hundreds of
   * abandons, and a fixed reserve of a few would leave the rate sitting on the target itself.
   */
  readonly reserveShare: number;
  /** Gains of the abandon-rate controller (see abandon/controller.ts). */
  readonly control: AbandonControlTuning;
  /** Observations needed before the learned distributions are trusted fully (progressive until then). */
  readonly warmup: { readonly answers: number; readonly talks: number; readonly dials: number };
}

export const defaultPacingPolicy: PacingPolicy = {
  mode: 'predictive',
  maxLinesPerAgent: 4,
  powerLinesPerAgent: 2,
  abandonTarget: 0.03,
  abandonWindowSec: 24 * 3600,
  graceSec: 2,
  reserveAbandons: 3,
  reserveShare: 0.02,
  control: defaultControlTuning,
  warmup: { answers: 30, talks: 30, dials: 150 },
};

export const US_WINDOW_SEC = 30 * 24 * 3600;
export const UK_WINDOW_SEC = 24 * 3600;
