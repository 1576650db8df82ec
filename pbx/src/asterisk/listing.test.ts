import { describe, expect, it } from 'vitest';
import { PbxError } from '../port/errors.ts';
import * as f from './ari-fixtures.test-data.ts';
import { errorFromResponse } from './http-errors.ts';
import { listLiveBridges, listLiveChannels, readVariable } from './listing.ts';
import type { AriRest } from './rest.ts';

/** An AriRest answering from a table "METHOD path?query" → JSON, or an ARI error (status, body). */
function stubRest(routes: Record<string, unknown>): { rest: AriRest; requests: string[] } {
  const requests: string[] = [];
  const rest = {
    request(command: string, method: string, path: string, query: Record<string, unknown> = {}) {
      const qs = Object.entries(query)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join('&');
      const key = `${method} ${path}${qs ? `?${qs}` : ''}`;
      requests.push(key);
      const r = routes[key];
      if (r instanceof Array && typeof r[0] === 'number')
        return Promise.reject(errorFromResponse(command, r[0] as number, JSON.stringify(r[1])));
      if (r === undefined)
        return Promise.reject(
          errorFromResponse(command, 404, '{"message":"Provided variable was not found"}'),
        );
      return Promise.resolve(r);
    },
  };
  return { rest: rest as unknown as AriRest, requests };
}

describe('listLiveChannels', () => {
  it('lists our channels with args, state, caller, creation time and the variables that are set', async () => {
    const { rest } = stubRest({
      'GET /channels': f.liveChannelsJson,
      'GET /applications/rs-it': f.applicationJson,
      'GET /channels/1796679254.0/variable?variable=RINGSIDE_CALL': { value: 'call-1' },
      'GET /channels/1796679269.2/variable?variable=RINGSIDE_CALL': { value: 'call-1' },
      'GET /channels/1796679269.2/variable?variable=RINGSIDE_APP_ARGS': { value: 'agent,call-1,u2' },
    });
    expect(await listLiveChannels(rest, 'rs-it', ['RINGSIDE_CALL'])).toEqual([
      {
        channelId: '1796679254.0',
        state: 'up',
        callerNumber: '',
        args: ['agent', 'call-1', 'u1'],
        createdAt: Date.UTC(2026, 11, 7, 21, 34, 14, 549),
        variables: { RINGSIDE_CALL: 'call-1' },
      },
      {
        channelId: '1796679269.6',
        state: 'up',
        callerNumber: '',
        args: ['snoop', '1'],
        createdAt: Date.UTC(2026, 11, 7, 21, 34, 29, 900),
        variables: {},
      },
      {
        channelId: '1796679269.2',
        state: 'ringing',
        callerNumber: '',
        args: ['agent', 'call-1', 'u2'],
        createdAt: Date.UTC(2026, 11, 7, 21, 34, 29, 100),
        variables: { RINGSIDE_CALL: 'call-1' },
      },
    ]);
  });

  it('leaves out a channel that hung up while its variables were read, and works before the app ever connected', async () => {
    const { rest } = stubRest({
      'GET /channels': f.liveChannelsJson.slice(0, 2),
      'GET /applications/rs-it': [404, { message: 'Application not found' }],
      'GET /channels/1796679254.0/variable?variable=X': [404, { message: 'Provided channel was not found' }],
    });
    expect((await listLiveChannels(rest, 'rs-it', ['X'])).map((c) => c.channelId)).toEqual(['1796679269.6']);
  });

  it('fails with the PBX error when Asterisk cannot be asked', async () => {
    const { rest } = stubRest({
      'GET /channels': [503, { message: 'down' }],
      'GET /applications/rs-it': f.applicationJson,
    });
    await expect(listLiveChannels(rest, 'rs-it', [])).rejects.toBeInstanceOf(PbxError);
  });
});

describe('listLiveBridges', () => {
  it("lists the app's bridges (by name or subscription)", async () => {
    const { rest } = stubRest({
      'GET /bridges': f.liveBridgesJson,
      'GET /applications/rs-it': f.applicationJson,
    });
    expect((await listLiveBridges(rest, 'rs-it')).map((b) => b.bridgeId)).toEqual([
      'call-call-1',
      'eeee0af7-d6c9-4d59-b375-015127df9e8d',
      'legacy-1',
    ]);
  });
});

describe('reading one channel variable', () => {
  it('is undefined when the variable is unset, and rejects as gone when the channel is', async () => {
    const { rest } = stubRest({
      'GET /channels/gone/variable?variable=X': [404, { message: 'Channel not found' }],
    });
    await expect(readVariable(rest, 'getVariable', 'live', 'X')).resolves.toBeUndefined();
    // The command's own name contains "variable": the reason, not the whole message, decides.
    await expect(readVariable(rest, 'getVariable', 'gone', 'X')).rejects.toMatchObject({ code: 'not-found' });
  });
});
