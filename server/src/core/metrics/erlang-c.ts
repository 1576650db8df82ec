// Erlang C: the classic M/M/N queue used for contact-centre staffing. Traffic A (erlangs) =
// calls per hour × AHT (s) / 3600. With N agents (N > A):
//   P(wait) = C(N, A), computed from Erlang B by the stable recurrence B(0) = 1,
//             B(n) = A·B(n−1) / (n + A·B(n−1)), and C = N·B / (N − A·(1 − B));
//   service level within t = 1 − P(wait) · e^(−(N − A)·t / AHT);
//   ASA = P(wait) · AHT / (N − A).
// With N ≤ A the queue grows without bound: P(wait) = 1, service level 0, ASA infinite.

export function erlangB(agents: number, erlangs: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (erlangs * b) / (n + erlangs * b);
  return b;
}

export function erlangC(agents: number, erlangs: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return 1;
  const b = erlangB(agents, erlangs);
  return (agents * b) / (agents - erlangs * (1 - b));
}

export function serviceLevelFor(agents: number, erlangs: number, ahtSec: number, targetSec: number): number {
  if (erlangs <= 0) return 1;
  if (agents <= erlangs) return 0;
  return 1 - erlangC(agents, erlangs) * Math.exp((-(agents - erlangs) * targetSec) / ahtSec);
}

export function asaSecFor(agents: number, erlangs: number, ahtSec: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return Infinity;
  return (erlangC(agents, erlangs) * ahtSec) / (agents - erlangs);
}

export interface StaffingInput {
  callsPerHour: number;
  ahtSec: number;
  /** e.g. 0.8 for "80 % answered within targetSec". */
  targetServiceLevel: number;
  targetSec: number;
  /** Cap on occupancy (A / N); 1 = none. Long runs above ~0.85 burn agents out. */
  maxOccupancy?: number;
}

export interface StaffingEstimate {
  erlangs: number;
  /** Agents needed on the phones (before shrinkage: breaks, training, absence). */
  agents: number;
  serviceLevel: number;
  asaSec: number;
  occupancy: number;
}

/** The fewest agents meeting the target service level (and the occupancy cap). */
export function agentsNeeded(input: StaffingInput): StaffingEstimate {
  const erlangs = (input.callsPerHour * input.ahtSec) / 3600;
  if (erlangs <= 0 || input.ahtSec <= 0) return { erlangs: 0, agents: 0, serviceLevel: 1, asaSec: 0, occupancy: 0 };
  const maxOcc = input.maxOccupancy ?? 1;
  let n = Math.max(1, Math.floor(erlangs) + 1);
  // Service level rises with N towards 1; a target of 1 is never met exactly, so stop at a sane bound.
  const bound = Math.ceil(erlangs) + 1000;
  while (n < bound && (serviceLevelFor(n, erlangs, input.ahtSec, input.targetSec) < input.targetServiceLevel || erlangs / n > maxOcc)) n++;
  return { erlangs, agents: n, serviceLevel: serviceLevelFor(n, erlangs, input.ahtSec, input.targetSec), asaSec: asaSecFor(n, erlangs, input.ahtSec), occupancy: erlangs / n };
}
