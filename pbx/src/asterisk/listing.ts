// listChannels / listBridges over ARI REST: what Asterisk holds for our app now (the JSON mapping is in
// live-map.ts). Channel variables are read one request each (ARI has no bulk read), a few channels at a time.
import { isGone, PbxError } from '../port/errors.ts';
import type { LiveBridge, LiveChannel } from '../port/events.ts';
import type { AriApplication, AriBridge, AriChannel } from './ari-json.ts';
import {
  appSubscriptions,
  channelPlace,
  isOurBridge,
  liveBridge,
  liveChannel,
  ORIGINATE_ARGS_VARIABLE,
  type AppSubscriptions,
} from './live-map.ts';
import { seg, type AriRest } from './rest.ts';

/** Channels whose variables are read in parallel (each channel is one request per variable). */
const PARALLEL_CHANNELS = 8;

/**
 * A channel variable; undefined when not set. ARI answers 404 both for an unknown channel and for an
 * unset variable, only the text differs: a gone channel still rejects with not-found.
 */
export async function readVariable(
  rest: AriRest,
  command: string,
  channelId: string,
  name: string,
): Promise<string | undefined> {
  try {
    const res = await rest.request<{ value?: string }>(
      command,
      'GET',
      `/channels/${seg(channelId)}/variable`,
      { variable: name },
    );
    return res.value;
  } catch (err) {
    // 404 means "no such variable" or "no such channel": only the first is an unset value (the
    // message starts with the command's name, which may itself say "variable", so match the reason).
    if (err instanceof PbxError && err.code === 'not-found' && !/channel (was )?not found/i.test(err.message))
      return undefined;
    throw err;
  }
}

async function subscriptions(rest: AriRest, app: string, command: string): Promise<AppSubscriptions> {
  try {
    return appSubscriptions(await rest.request<AriApplication>(command, 'GET', `/applications/${seg(app)}`));
  } catch (err) {
    // Unknown until the app's websocket first connected to this Asterisk: nothing is subscribed.
    if (isGone(err)) return appSubscriptions(undefined);
    throw err;
  }
}

async function readVariables(
  rest: AriRest,
  channelId: string,
  names: string[],
): Promise<Record<string, string>> {
  const values = await Promise.all(names.map((n) => readVariable(rest, 'listChannels', channelId, n)));
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    const v = values[i];
    if (v !== undefined) out[n] = v;
  });
  return out;
}

/** One channel as a LiveChannel; undefined when it is not ours or vanished while we read it. */
async function describe(
  rest: AriRest,
  app: string,
  ch: AriChannel,
  subs: AppSubscriptions,
  names: string[],
): Promise<LiveChannel | undefined> {
  const place = channelPlace(ch, app, subs);
  if (place.kind === 'not-ours') return undefined;
  try {
    const variables = await readVariables(rest, ch.id, names);
    const args =
      place.kind === 'in-app'
        ? place.args
        : ((await readVariable(rest, 'listChannels', ch.id, ORIGINATE_ARGS_VARIABLE))?.split(',') ?? []);
    return liveChannel(ch, args, variables);
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
}

export async function listLiveChannels(
  rest: AriRest,
  app: string,
  variables: string[],
): Promise<LiveChannel[]> {
  const [channels, subs] = await Promise.all([
    rest.request<AriChannel[]>('listChannels', 'GET', '/channels'),
    subscriptions(rest, app, 'listChannels'),
  ]);
  const out: LiveChannel[] = [];
  for (let i = 0; i < channels.length; i += PARALLEL_CHANNELS) {
    const batch = await Promise.all(
      channels.slice(i, i + PARALLEL_CHANNELS).map((ch) => describe(rest, app, ch, subs, variables)),
    );
    for (const c of batch) if (c) out.push(c);
  }
  return out;
}

export async function listLiveBridges(rest: AriRest, app: string): Promise<LiveBridge[]> {
  const [bridges, subs] = await Promise.all([
    rest.request<AriBridge[]>('listBridges', 'GET', '/bridges'),
    subscriptions(rest, app, 'listBridges'),
  ]);
  return bridges.filter((b) => isOurBridge(b, app, subs)).map(liveBridge);
}
