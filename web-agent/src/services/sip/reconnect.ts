// When the softphone's SIP connection drops without the agent asking (Asterisk restarted, a proxy or the
// network cut the WebSocket), the phone reconnects and registers again by itself, for as long as the
// console is signed in: 0.5 s, 1 s, 2 s, 4 s, 8 s, then every 10 s. Pure: no SIP.js and no DOM; the
// Softphone class supplies the attempt (reconnect the transport, then REGISTER) and the timers.

export const RECONNECT_FIRST_MS = 500;
export const RECONNECT_MAX_MS = 10_000;

/** Delay before attempt `attempt` (1-based): doubling from 0.5 s, capped at 10 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * A lost transport is reconnected only when the loss came from outside (SIP.js reports an error) and the
 * agent did not stop the phone (sign-out, page leaving): a phone the user stopped stays stopped.
 */
export function shouldReconnect(loss: { unexpected: boolean; stopping: boolean }): boolean {
  return loss.unexpected && !loss.stopping;
}

export interface ReconnectTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: ReconnectTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Runs `attempt` after each backoff delay until one succeeds (resolves true) or `stop()` is called.
 * `start()` while a round is running does nothing: the running round goes on with its own count.
 * An attempt that throws counts as a failure.
 */
export class Reconnector {
  private attempts = 0;
  private timer: unknown;
  private round = 0;
  private active = false;

  constructor(
    private readonly attempt: () => Promise<boolean>,
    private readonly timers: ReconnectTimers = realTimers,
    private readonly onAttempt?: (attempt: number, delayMs: number) => void,
  ) {}

  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.attempts = 0;
    this.round += 1;
    this.schedule(this.round);
  }

  stop(): void {
    this.active = false;
    this.round += 1;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private schedule(round: number): void {
    this.attempts += 1;
    const n = this.attempts;
    const delay = reconnectDelayMs(n);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      if (round !== this.round) return;
      this.onAttempt?.(n, delay);
      void this.attempt().then(
        (ok) => this.settle(round, ok),
        () => this.settle(round, false),
      );
    }, delay);
  }

  private settle(round: number, ok: boolean): void {
    if (round !== this.round) return; // stopped (or restarted) meanwhile
    if (ok) {
      this.active = false;
      return;
    }
    this.schedule(round);
  }
}
