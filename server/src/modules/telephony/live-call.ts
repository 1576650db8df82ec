// A call as it enters the runtime (an inbound caller, a dialer's answered number): what its creator
// knows, the rest in its starting state. One place, so a new LiveCall field starts the same everywhere.
import type { LiveCall } from './types.ts';

export type NewLiveCall = Pick<
  LiveCall,
  'id' | 'direction' | 'state' | 'callerChannel' | 'did' | 'callerNumber' | 'pop' | 'languages'
> &
  Partial<Pick<LiveCall, 'popPending' | 'campaign'>>;

export function newLiveCall(c: NewLiveCall): LiveCall {
  return {
    ivrPath: [],
    legs: new Map(),
    agentChannel: null,
    agentId: null,
    bridgeId: null,
    consult: null,
    recording: null,
    lastAnnouncedAt: null,
    playbackId: null,
    transfers: 0,
    agentPath: [],
    ivr: null,
    recordWritten: false,
    ...c,
  };
}
