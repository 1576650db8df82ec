// The only map of channel → leg in the server. Telephony, the dialer and supervision claim the legs they
// create here (through the telephony facade) and the dispatcher routes each PBX event by it; nobody keeps
// a second map of channels. Persisted state (live-store.ts) and the tag on the channel itself (leg-tag.ts)
// let a restarted server rebuild it.
import type { LegKind, LegTag } from './leg-tag.ts';

export class ChannelRegistry {
  private readonly legs = new Map<string, LegTag>();

  get(channelId: string): LegTag | undefined {
    return this.legs.get(channelId);
  }

  has(channelId: string): boolean {
    return this.legs.has(channelId);
  }

  /** Claims a channel for a leg (before its originate, so no event about it can arrive unclaimed). */
  set(channelId: string, tag: LegTag): void {
    this.legs.set(channelId, tag);
  }

  /** Forgets a leg; returns what it was. */
  delete(channelId: string): LegTag | undefined {
    const tag = this.legs.get(channelId);
    this.legs.delete(channelId);
    return tag;
  }

  /** Every leg of a call (the caller, agent legs, consult, dial and supervision legs). */
  legsOf(callId: string): { channelId: string; tag: LegTag }[] {
    const out: { channelId: string; tag: LegTag }[] = [];
    for (const [channelId, tag] of this.legs) if (tag.callId === callId) out.push({ channelId, tag });
    return out;
  }

  /** The channel of a call's leg of one kind (e.g. the dialer's called party). */
  find(callId: string, kind: LegKind): string | undefined {
    for (const [channelId, tag] of this.legs)
      if (tag.callId === callId && tag.kind === kind) return channelId;
    return undefined;
  }

  get size(): number {
    return this.legs.size;
  }

  entries(): IterableIterator<[string, LegTag]> {
    return this.legs.entries();
  }
}
