// The pop for a console that connects while its agent is being offered a call. The first 'call:offer'
// may have gone out before the agent's socket joined its rooms (a console that went ready a moment
// after loading, a reconnect, a reload during ringing); the server holds the offer, so it sends it again.
import type { CallOfferPayload } from '../../contracts/telephony.ts';
import { offerPayload } from './offer.ts';
import type { TelephonyRuntime } from './runtime.ts';

export function pendingOffer(rt: TelephonyRuntime, agentId: string): CallOfferPayload | null {
  const status = rt.agents.get(agentId)?.status;
  if (status?.kind !== 'ringing') return null;
  const call = rt.calls.get(status.offer.callId);
  return call ? offerPayload(rt, call) : null;
}
