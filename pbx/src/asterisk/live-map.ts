// ARI's GET /channels and GET /bridges JSON → LiveChannel / LiveBridge (recovery after a restart or a
// reconnect). Pure. What Asterisk 22.10 reports, seen on the real server:
// - A channel in Stasis: dialplan.app_name "Stasis", app_data "<app>,<arg1>,<arg2>" (the Stasis() data).
// - A channel we originated that has not answered yet is not in Stasis: app_name "AppDial2", app_data
//   "(Outgoing Line)". Only GET /applications/<app> (channel_ids) ties it to our app; its arguments are
//   not in the JSON, so originate keeps them in a channel variable (ORIGINATE_ARGS_VARIABLE).
// - Every bridge made over ARI has creator "Stasis", whichever app made it, and /applications/<app> lists
//   only bridges our channels have been in. So createBridge names each bridge "<app>" or "<app>:<name>".
import type { LiveBridge, LiveChannel } from '../port/events.ts';
import type { AriBridge, AriChannel } from './ari-json.ts';
import { channelState } from './map-event.ts';

/** Set on every originated channel: its appArgs joined by ",", readable while it still rings. */
export const ORIGINATE_ARGS_VARIABLE = 'RINGSIDE_APP_ARGS';

/** What GET /applications/<app> says is subscribed to the app (empty when the app is unknown). */
export interface AppSubscriptions {
  channelIds: ReadonlySet<string>;
  bridgeIds: ReadonlySet<string>;
}

/** How a channel is ours: in our Stasis app now, or originated into it and still dialing. */
export type ChannelPlace = { kind: 'in-app'; args: string[] } | { kind: 'dialing' } | { kind: 'not-ours' };

/** Stasis() data "<app>,a,b" → ['a','b'] for our app; undefined for another app's data. */
export function stasisArgs(appData: string | undefined, app: string): string[] | undefined {
  if (appData === undefined) return undefined;
  if (appData === app) return [];
  return appData.startsWith(`${app},`) ? appData.slice(app.length + 1).split(',') : undefined;
}

export function channelPlace(ch: AriChannel, app: string, subscribed: AppSubscriptions): ChannelPlace {
  const dp = ch.dialplan;
  if (dp?.app_name === 'Stasis') {
    const args = stasisArgs(dp.app_data, app);
    return args ? { kind: 'in-app', args } : { kind: 'not-ours' };
  }
  // The ;2 half of a Local channel is subscribed too but runs the dialplan: only the dialing side is ours.
  if (dp?.app_name === 'AppDial2' && subscribed.channelIds.has(ch.id)) return { kind: 'dialing' };
  return { kind: 'not-ours' };
}

/** ARI's "2026-11-26T18:01:14.108+0000" → epoch ms (0 when missing or unreadable). */
export function creationMs(creationtime: string | undefined): number {
  if (!creationtime) return 0;
  const ms = Date.parse(creationtime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? 0 : ms;
}

export function liveChannel(ch: AriChannel, args: string[], variables: Record<string, string>): LiveChannel {
  return {
    channelId: ch.id,
    state: channelState(ch.state),
    callerNumber: ch.caller?.number ?? '',
    args,
    createdAt: creationMs(ch.creationtime),
    variables,
  };
}

/** The ARI bridge name createBridge gives: the app, then the caller's name if any. */
export function bridgeName(app: string, name: string | undefined): string {
  return name ? `${app}:${name}` : app;
}

export function isOurBridge(b: AriBridge, app: string, subscribed: AppSubscriptions): boolean {
  return b.name === app || (b.name?.startsWith(`${app}:`) ?? false) || subscribed.bridgeIds.has(b.id);
}

export function liveBridge(b: AriBridge): LiveBridge {
  // bridge_type is "mixing" or "holding" for what createBridge makes ("mixing,dtmf_events" reports "mixing").
  return {
    bridgeId: b.id,
    type: b.bridge_type === 'holding' ? 'holding' : 'mixing',
    channelIds: [...(b.channels ?? [])],
  };
}

/** GET /applications/<app> JSON → the subscription sets. */
export function appSubscriptions(
  json: { channel_ids?: string[]; bridge_ids?: string[] } | undefined,
): AppSubscriptions {
  return { channelIds: new Set(json?.channel_ids ?? []), bridgeIds: new Set(json?.bridge_ids ?? []) };
}
