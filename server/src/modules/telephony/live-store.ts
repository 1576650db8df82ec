// What a restarted server needs to resume each call, kept in Redis as it changes: one hash per Stasis
// app (`ringside:<app>:live`), a field per call ("call:<id>") or click-to-dial ("dial:<id>") holding the
// runtime's own object as JSON. Redis, not PostgreSQL: it is written on every call transition, must not
// wait on the database (which may itself be down for a moment), and only matters until the call ends.
//
// Writes never block the call path: `touch` marks an id, one background writer serialises the latest
// object at write time (so ten transitions in a row cost one write) and retries while Redis is away.
import type { Redis } from 'ioredis';
import type { LiveCall, OutboundDial } from './types.ts';

export interface StoredCall extends Omit<LiveCall, 'legs'> {
  legs: [string, string][];
}

export interface LiveSnapshot {
  calls: StoredCall[];
  dials: OutboundDial[];
}

export interface LiveStore {
  touchCall(callId: string): void;
  touchDial(dialId: string): void;
  load(): Promise<LiveSnapshot>;
  /** Resolves once everything touched so far is written (tests, shutdown). */
  flush(): Promise<void>;
}

export function toStored(call: LiveCall): StoredCall {
  return { ...call, legs: [...call.legs.entries()] };
}

export function fromStored(s: StoredCall): LiveCall {
  return { ...s, legs: new Map(s.legs) };
}

interface Sources {
  call(id: string): LiveCall | undefined;
  dial(id: string): OutboundDial | undefined;
  /** Everything live now (written again after Redis came back empty). */
  ids(): { calls: string[]; dials: string[] };
  onError(err: unknown): void;
}

export function liveKey(app: string): string {
  return `ringside:${app}:live`;
}

export class RedisLiveStore implements LiveStore {
  private readonly dirty = new Set<string>();
  private writing: Promise<void> | null = null;
  private failures = 0;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly src: Sources,
  ) {
    // A Redis that restarted may have come back without our hash (no persistence configured, or a new
    // instance): whenever the connection is ready again, everything live is written anew.
    let connectedBefore = redis.status === 'ready';
    redis.on('ready', () => {
      if (connectedBefore) this.rewriteAll();
      connectedBefore = true;
    });
  }

  private rewriteAll(): void {
    const { calls, dials } = this.src.ids();
    for (const id of calls) this.touchCall(id);
    for (const id of dials) this.touchDial(id);
  }

  touchCall(callId: string): void {
    this.mark(`call:${callId}`);
  }

  touchDial(dialId: string): void {
    this.mark(`dial:${dialId}`);
  }

  async load(): Promise<LiveSnapshot> {
    const raw = await this.redis.hgetall(this.key);
    const out: LiveSnapshot = { calls: [], dials: [] };
    for (const [field, json] of Object.entries(raw)) {
      try {
        if (field.startsWith('call:')) out.calls.push(JSON.parse(json) as StoredCall);
        else if (field.startsWith('dial:')) out.dials.push(JSON.parse(json) as OutboundDial);
      } catch (err) {
        // One unreadable entry must not cost the others their recovery.
        this.src.onError(err);
      }
    }
    return out;
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private mark(field: string): void {
    this.dirty.add(field);
    this.writing ??= this.writeLoop().finally(() => (this.writing = null));
  }

  private async writeLoop(): Promise<void> {
    while (this.dirty.size > 0) {
      const fields = [...this.dirty];
      this.dirty.clear();
      const tx = this.redis.multi();
      for (const field of fields) {
        const value = this.valueOf(field);
        if (value === null) tx.hdel(this.key, field);
        else tx.hset(this.key, field, value);
      }
      try {
        await tx.exec();
        this.failures = 0;
      } catch (err) {
        // Redis is away (restarting): keep the fields dirty and try again; the newest state wins.
        for (const f of fields) this.dirty.add(f);
        if (this.failures++ % 20 === 0) this.src.onError(err);
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * this.failures)));
      }
    }
  }

  /** The object's JSON now, or null when it is over (the field is deleted). */
  private valueOf(field: string): string | null {
    const id = field.slice(5);
    if (field.startsWith('call:')) {
      const call = this.src.call(id);
      return call && call.state.status.kind !== 'ended' ? JSON.stringify(toStored(call)) : null;
    }
    const dial = this.src.dial(id);
    return dial ? JSON.stringify(dial) : null;
  }
}

/** For runtimes without Redis (unit tests over the fake PBX): remembers in memory, survives nothing. */
export class MemoryLiveStore implements LiveStore {
  readonly written = new Map<string, string>();
  constructor(private readonly src: Omit<Sources, 'onError' | 'ids'>) {}
  touchCall(callId: string): void {
    const call = this.src.call(callId);
    if (call && call.state.status.kind !== 'ended')
      this.written.set(`call:${callId}`, JSON.stringify(toStored(call)));
    else this.written.delete(`call:${callId}`);
  }
  touchDial(dialId: string): void {
    const dial = this.src.dial(dialId);
    if (dial) this.written.set(`dial:${dialId}`, JSON.stringify(dial));
    else this.written.delete(`dial:${dialId}`);
  }
  load(): Promise<LiveSnapshot> {
    const out: LiveSnapshot = { calls: [], dials: [] };
    for (const [field, json] of this.written) {
      if (field.startsWith('call:')) out.calls.push(JSON.parse(json) as StoredCall);
      else out.dials.push(JSON.parse(json) as OutboundDial);
    }
    return Promise.resolve(out);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
}
