// The one subscriber to PBX events. Each event about a channel goes to the module that owns the leg
// (by its tag in the channel registry); playback events go to whoever started the playback; connection
// events go to everyone. Owners run the event in their own serial chain: the dispatcher only routes.
import type { PbxEvent } from '@ringside/pbx';
import type { ChannelRegistry } from './channel-registry.ts';
import type { LegKind, LegTag } from './leg-tag.ts';

export type LegOwner = 'telephony' | 'dialer' | 'supervision';

/** tag: the leg's tag when the channel is claimed (undefined for a channel nobody claimed yet). */
export type OwnerHandler = (e: PbxEvent, tag: LegTag | undefined) => void;

const OWNER: Record<LegKind, LegOwner> = {
  caller: 'telephony',
  agentLeg: 'telephony',
  consultLeg: 'telephony',
  dialAgent: 'telephony',
  dialOut: 'telephony',
  dialer: 'dialer',
  supervisor: 'supervision',
  snoop: 'supervision',
};

export function ownerOf(kind: LegKind): LegOwner {
  return OWNER[kind];
}

/** Who takes a channel that entered our app unclaimed, by its first Stasis argument. */
function ownerOfUnclaimed(firstArg: string | undefined): LegOwner {
  if (firstArg === 'supervise' || firstArg === 'snoop') return 'supervision';
  if (firstArg === 'dialer') return 'dialer';
  return 'telephony';
}

export class PbxDispatcher {
  private readonly handlers = new Map<LegOwner, OwnerHandler>();
  private readonly playbacks = new Map<string, LegOwner>();

  constructor(
    private readonly registry: ChannelRegistry,
    private readonly onError: (err: unknown, owner: LegOwner) => void,
  ) {}

  /** One handler per owner; returns the unregister function. */
  register(owner: LegOwner, handler: OwnerHandler): () => void {
    this.handlers.set(owner, handler);
    return () => {
      if (this.handlers.get(owner) === handler) this.handlers.delete(owner);
    };
  }

  /** Playback events (which carry no channel of ours to look up) go to the module that started it. */
  claimPlayback(playbackId: string, owner: LegOwner): void {
    this.playbacks.set(playbackId, owner);
  }

  dispatch(e: PbxEvent): void {
    switch (e.type) {
      case 'connected':
      case 'disconnected':
      case 'reconnected':
      case 'appReplaced':
        for (const owner of this.handlers.keys()) this.deliver(owner, e, undefined);
        return;
      case 'playbackStarted':
        return this.deliver(this.playbacks.get(e.playbackId) ?? 'telephony', e, undefined);
      case 'playbackFinished': {
        const owner = this.playbacks.get(e.playbackId) ?? 'telephony';
        this.playbacks.delete(e.playbackId);
        return this.deliver(owner, e, undefined);
      }
      case 'recordingStarted':
      case 'recordingFinished':
      case 'recordingFailed':
        return this.deliver('telephony', e, undefined);
      case 'channelEnteredBridge':
      case 'channelLeftBridge':
      case 'callEntered':
      case 'channelStateChanged':
      case 'channelAnswered':
      case 'dtmfReceived':
      case 'channelHungup':
      case 'channelDestroyed':
      case 'stasisEnd':
      case 'amdResult': {
        const tag = this.registry.get(e.channelId);
        if (tag) return this.deliver(ownerOf(tag.kind), e, tag);
        return this.deliver(
          e.type === 'callEntered' ? ownerOfUnclaimed(e.args[0]) : 'telephony',
          e,
          undefined,
        );
      }
    }
  }

  private deliver(owner: LegOwner, e: PbxEvent, tag: LegTag | undefined): void {
    const handler = this.handlers.get(owner);
    if (!handler) return;
    try {
      handler(e, tag);
    } catch (err) {
      this.onError(err, owner);
    }
  }
}
