import { describe, expect, it } from 'vitest';
import * as f from './ari-fixtures.test-data.ts';
import {
  appSubscriptions,
  bridgeName,
  channelPlace,
  creationMs,
  isOurBridge,
  liveBridge,
  stasisArgs,
} from './live-map.ts';

const subs = appSubscriptions(f.applicationJson);

describe('stasisArgs', () => {
  it('reads the arguments after our app name, and refuses another app whose name starts like ours', () => {
    expect(stasisArgs('rs-it,agent,call-1,u1', 'rs-it')).toEqual(['agent', 'call-1', 'u1']);
    expect(stasisArgs('rs-it', 'rs-it')).toEqual([]);
    expect(stasisArgs('rs-it-other,inbound,4001', 'rs-it')).toBeUndefined();
    expect(stasisArgs(undefined, 'rs-it')).toBeUndefined();
  });
});

describe('channelPlace', () => {
  it('tells channels in our app, our originated legs still dialing, and everything else apart', () => {
    const places = f.liveChannelsJson.map((ch) => [ch.id, channelPlace(ch, 'rs-it', subs).kind]);
    expect(places).toEqual([
      ['1796679254.0', 'in-app'],
      ['1796679269.6', 'in-app'],
      ['1796679269.2', 'dialing'],
      ['1796679269.3', 'not-ours'], // the Local ;2 half: subscribed, but running the dialplan
      ['1796679300.1', 'not-ours'], // another app
      ['1796679300.2', 'not-ours'], // plain dialplan
    ]);
  });
  it('does not claim a dialing channel the app is not subscribed to (another app originated it)', () => {
    expect(channelPlace(f.liveChannelsJson[2]!, 'rs-it', appSubscriptions(undefined)).kind).toBe('not-ours');
  });
});

describe('creationMs', () => {
  it("reads ARI's +0000 offsets and copes with a missing value", () => {
    expect(creationMs('2026-12-07T21:34:14.549+0000')).toBe(Date.UTC(2026, 11, 7, 21, 34, 14, 549));
    expect(creationMs('2026-12-07T21:34:14.549+0800')).toBe(Date.UTC(2026, 11, 7, 13, 34, 14, 549));
    expect(creationMs(undefined)).toBe(0);
    expect(creationMs('garbage')).toBe(0);
  });
});

describe('bridges', () => {
  it('names bridges after the app, so ours are found although every ARI bridge has creator "Stasis"', () => {
    expect(bridgeName('rs-it', undefined)).toBe('rs-it');
    expect(bridgeName('rs-it', 'call-1')).toBe('rs-it:call-1');
    expect(f.liveBridgesJson.filter((b) => isOurBridge(b, 'rs-it', subs)).map((b) => b.id)).toEqual([
      'call-call-1',
      'eeee0af7-d6c9-4d59-b375-015127df9e8d',
      'legacy-1',
    ]);
  });
  it('maps type and members', () => {
    expect(f.liveBridgesJson.map(liveBridge).slice(0, 2)).toEqual([
      { bridgeId: 'call-call-1', type: 'mixing', channelIds: ['1796679254.0'] },
      { bridgeId: 'eeee0af7-d6c9-4d59-b375-015127df9e8d', type: 'holding', channelIds: [] },
    ]);
  });
});
