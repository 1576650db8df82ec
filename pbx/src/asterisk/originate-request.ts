// OriginateRequest → ARI POST /channels query and body. Pure, so the whole mapping (dial string, codecs,
// caller id, the variables we add) is unit-tested without Asterisk.
import type { OriginateRequest } from '../port/commands.ts';
import { dialPlanFor } from './dial-target.ts';
import { ORIGINATE_ARGS_VARIABLE } from './live-map.ts';
import type { Query } from './rest.ts';

export interface AriOriginate {
  query: Query;
  /** ARI takes channel variables only as a JSON body. */
  body?: { variables: Record<string, string> };
}

export function originateRequest(r: OriginateRequest, app: string, numberAddress?: string): AriOriginate {
  const plan = dialPlanFor(r.target, r.formats, numberAddress);
  const callerId = r.callerId
    ? r.callerId.name
      ? `"${r.callerId.name}" <${r.callerId.number}>`
      : r.callerId.number
    : undefined;
  const query: Query = {
    endpoint: plan.endpoint,
    app,
    appArgs: r.appArgs?.join(','),
    callerId,
    timeout: r.timeoutSec,
    channelId: r.channelId,
    otherChannelId: r.otherChannelId,
    formats: plan.formats?.join(','),
  };
  // The arguments are also kept on the channel: until it answers it is not in Stasis, and listChannels
  // can read them only from there.
  const variables = r.appArgs?.length
    ? { ...r.variables, [ORIGINATE_ARGS_VARIABLE]: r.appArgs.join(',') }
    : r.variables;
  return variables ? { query, body: { variables } } : { query };
}
