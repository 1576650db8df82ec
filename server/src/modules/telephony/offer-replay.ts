// What a console that (re)connects must be told about its agent's call. The first 'call:offer' may have
// gone out before the agent's socket joined its rooms (a console that went ready a moment after loading,
// a reload during ringing), or the console was away while the server restarted and re-adopted the call:
// the server holds the call, so it sends the offer again, and for a call in progress its current status.
import type { CallOfferPayload, CallUpdatePayload } from '../../contracts/telephony.ts';
import { callUpdatePayload } from './call-events.ts';
import { offerPayload } from './offer.ts';
import type { TelephonyRuntime } from './runtime.ts';

export function pendingOffer(rt: TelephonyRuntime, agentId: string): CallOfferPayload | null {
  const status = rt.agents.get(agentId)?.status;
  if (status?.kind !== 'ringing') return null;
  const call = rt.calls.get(status.offer.callId);
  return call ? offerPayload(rt, call) : null;
}

/** The offer and live status of the call the agent is talking on, or null. */
export function callInProgress(
  rt: TelephonyRuntime,
  agentId: string,
): { offer: CallOfferPayload; update: CallUpdatePayload } | null {
  const status = rt.agents.get(agentId)?.status;
  if (status?.kind !== 'onCall') return null;
  const call = rt.calls.get(status.callId);
  if (!call || call.state.status.kind === 'ended') return null;
  return { offer: offerPayload(rt, call), update: callUpdatePayload(call) };
}
