// Attempts in progress, persisted as they change so a restarted server can finish them by the dialer's
// rules (core/dialer/attempt-resume.ts): the reducer's state (callId, channelId, campaign, phase, …) and
// the record being dialed. Redis in production (one hash per Stasis app, field = callId, JSON value,
// deleted once the attempt is settled); in memory for unit tests.
import type { Redis } from 'ioredis';
import type { AttemptState } from '../../core/dialer/attempt-types.ts';
import type { DialTarget } from '../campaigns/dialer-store.ts';

export interface PersistedAttempt {
  v: 1;
  state: AttemptState;
  target: DialTarget;
}

export interface AttemptStore {
  save(a: PersistedAttempt): Promise<void>;
  remove(callId: string): Promise<void>;
  /** Everything a previous process left; entries that cannot be read are returned in `unreadable`. */
  loadAll(): Promise<{ attempts: PersistedAttempt[]; unreadable: string[] }>;
}

export const attemptsKey = (app: string): string => `ringside:${app}:dial-attempts`;
const KEY_TTL_SEC = 24 * 3600;

export class RedisAttemptStore implements AttemptStore {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async save(a: PersistedAttempt): Promise<void> {
    // An attempt lasts minutes; a day after the last write the hash of an app nobody runs any more (a
    // test's own app, a renamed one) is gone by itself. Its records were released as stale claims.
    const replies = await this.redis
      .multi()
      .hset(this.key, a.state.callId, JSON.stringify(a))
      .expire(this.key, KEY_TTL_SEC)
      .exec();
    // A transaction reports each command's error in its reply instead of rejecting.
    const failed = replies?.find(([err]) => err !== null);
    if (failed) throw failed[0];
  }

  async remove(callId: string): Promise<void> {
    await this.redis.hdel(this.key, callId);
  }

  async loadAll(): Promise<{ attempts: PersistedAttempt[]; unreadable: string[] }> {
    return parseAll(await this.redis.hgetall(this.key));
  }
}

export class MemoryAttemptStore implements AttemptStore {
  readonly entries = new Map<string, string>();

  save(a: PersistedAttempt): Promise<void> {
    this.entries.set(a.state.callId, JSON.stringify(a));
    return Promise.resolve();
  }

  remove(callId: string): Promise<void> {
    this.entries.delete(callId);
    return Promise.resolve();
  }

  loadAll(): Promise<{ attempts: PersistedAttempt[]; unreadable: string[] }> {
    return Promise.resolve(parseAll(Object.fromEntries(this.entries)));
  }
}

function parseAll(raw: Record<string, string>): { attempts: PersistedAttempt[]; unreadable: string[] } {
  const attempts: PersistedAttempt[] = [];
  const unreadable: string[] = [];
  for (const [callId, json] of Object.entries(raw)) {
    const a = parse(json);
    if (a && a.state.callId === callId) attempts.push(a);
    else unreadable.push(callId);
  }
  return { attempts, unreadable };
}

/** A shape check, not a schema: the writer is this module; a foreign or older entry is left out. */
function parse(json: string): PersistedAttempt | null {
  try {
    const a = JSON.parse(json) as Partial<PersistedAttempt> | null;
    const s = a?.state;
    const ok =
      a?.v === 1 &&
      typeof s?.callId === 'string' &&
      typeof s.channelId === 'string' &&
      typeof s.phase === 'string' &&
      typeof s.setup === 'object' &&
      typeof a.target?.recordId === 'string';
    return ok ? (a as PersistedAttempt) : null;
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

/**
 * Writes to the store in order, coalesced per attempt, never awaited by the event path: a slow or
 * unreachable Redis must not hold up a live answer waiting for its agent. A failed write is logged and
 * dropped (the next change of that attempt writes it whole again).
 */
export class AttemptJournal {
  private readonly pending = new Map<string, PersistedAttempt | null>();
  private draining: Promise<void> | null = null;

  constructor(
    private readonly store: AttemptStore,
    private readonly onError: (err: unknown, callId: string) => void,
  ) {}

  save(a: PersistedAttempt): void {
    this.pending.set(a.state.callId, a);
    this.kick();
  }

  remove(callId: string): void {
    this.pending.set(callId, null);
    this.kick();
  }

  /** Resolves once everything written so far is in the store. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.pending.size > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = [...this.pending];
      this.pending.clear();
      for (const [callId, a] of batch) {
        try {
          if (a) await this.store.save(a);
          else await this.store.remove(callId);
        } catch (err) {
          this.onError(err, callId);
        }
      }
    }
  }
}
