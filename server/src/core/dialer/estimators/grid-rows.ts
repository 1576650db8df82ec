// Probabilities on the pacer's time grid, cached by quantised age. A decision needs one row per agent
// and per dial in progress; between rebuilds of the underlying tables the same ages recur constantly,
// so each distinct (quantised) age is computed once.

export class RowCache {
  // A plain array indexed by bucket: much cheaper than a Map on this hot path.
  private readonly rows: (Float64Array | undefined)[] = [];

  /**
   * @param quantumSec ages are rounded to the middle of buckets this wide
   * @param compute    fills the row for an age
   */
  constructor(
    private readonly quantumSec: number,
    private readonly steps: number,
    private readonly compute: (ageSec: number, row: Float64Array) => void,
  ) {}

  readonly row = (ageSec: number): Float64Array => {
    const key = Math.floor(Math.max(0, ageSec) / this.quantumSec);
    let r = this.rows[key];
    if (!r) {
      r = new Float64Array(this.steps);
      this.compute((key + 0.5) * this.quantumSec, r);
      this.rows[key] = r;
    }
    return r;
  };
}
