// Every leg the server creates is born the same way: claimed in the channel registry first (so no event
// about it can arrive unclaimed), tagged on the channel (so a restarted server recognises it from the PBX
// alone), then originated; a failed originate releases the claim.
import type { OriginateRequest, PbxPort } from '@ringside/pbx';
import type { ChannelRegistry } from './channel-registry.ts';
import { legTagVariables, type LegTag } from './leg-tag.ts';

export async function originateLeg(
  rt: { channels: ChannelRegistry; pbx: PbxPort },
  tag: LegTag,
  request: OriginateRequest & { channelId: string },
): Promise<void> {
  rt.channels.set(request.channelId, tag);
  try {
    await rt.pbx.originate({ ...request, variables: { ...request.variables, ...legTagVariables(tag) } });
  } catch (err) {
    rt.channels.delete(request.channelId);
    throw err;
  }
}
