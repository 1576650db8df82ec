// The telephony role's database writes (call rows, recordings, agent snapshots) run behind the call path:
// the runtime enqueues them and goes on, one writer runs them in order and retries while the database
// is unreachable. A restarting PostgreSQL (seconds) must not stop calls from being answered, queued and
// bridged, and must not lose a row: the writes wait and land in their original order when it is back.
// Errors that retrying cannot fix (a constraint, a bug) are logged with what was being written and
// dropped, so one bad write never blocks the others behind it.
import type { FastifyBaseLogger } from 'fastify';

interface Write {
  what: string;
  /** Writes with the same key are coalesced: only the latest runs (agent snapshots). */
  key?: string;
  run: () => Promise<unknown>;
  /** Settles whoever waits for this write (it ran, was dropped, or was replaced by a newer one). */
  done: () => void;
}

/**
 * postgres.js connection errors and PostgreSQL's "connection exception" / "operator intervention" classes,
 * found on the error or on its causes: drizzle wraps every failed query in a DrizzleQueryError whose
 * `cause` is the driver's error (the wrapper has no code of its own).
 */
export function isTransientDbError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && isTransientCode(code)) return true;
  }
  return false;
}

function isTransientCode(code: string): boolean {
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'CONNECT_TIMEOUT',
      'CONNECTION_CLOSED',
      'CONNECTION_ENDED',
      'CONNECTION_DESTROYED',
    ].includes(code) ||
    code.startsWith('08') ||
    code.startsWith('57P')
  );
}

export class CallWriter {
  private readonly queue: Write[] = [];
  private running: Promise<void> | null = null;
  private failures = 0;

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly retryMs = { first: 100, max: 2000 },
  ) {}

  /** Writes waiting (tests, health). */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues a write; the call path does not wait for it. */
  enqueue(what: string, run: () => Promise<unknown>, key?: string): void {
    void this.add(what, run, key);
  }

  /**
   * Queues a write and returns a promise (never rejected) that settles once it ran or was dropped: for
   * callers outside the chain that must know the row exists, e.g. an API answering with its id.
   */
  enqueueSettled(what: string, run: () => Promise<unknown>): Promise<void> {
    return this.add(what, run);
  }

  private add(what: string, run: () => Promise<unknown>, key?: string): Promise<void> {
    let done!: () => void;
    const settled = new Promise<void>((resolve) => (done = resolve));
    if (key !== undefined) {
      const i = this.queue.findIndex((w, idx) => idx > 0 && w.key === key);
      if (i > 0) {
        const [replaced] = this.queue.splice(i, 1);
        const own = done;
        done = () => {
          replaced!.done();
          own();
        };
      }
    }
    this.queue.push({ what, run, done, ...(key !== undefined ? { key } : {}) });
    this.running ??= this.drain().finally(() => (this.running = null));
    return settled;
  }

  /** Resolves once everything enqueued so far is written (or dropped). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const w = this.queue[0]!;
      try {
        await w.run();
        this.queue.shift();
        w.done();
        if (this.failures > 0) this.log.info({ after: this.failures }, 'telephony: database writes resumed');
        this.failures = 0;
      } catch (err) {
        if (!isTransientDbError(err)) {
          this.queue.shift();
          w.done();
          this.log.error({ err, write: w.what }, 'telephony: database write failed and was dropped');
          continue;
        }
        if (this.failures++ % 10 === 0)
          this.log.warn(
            { err, write: w.what, pending: this.queue.length },
            'telephony: database unreachable, writes wait',
          );
        await new Promise((r) =>
          setTimeout(r, Math.min(this.retryMs.max, this.retryMs.first * this.failures)),
        );
      }
    }
  }
}
