import { describe, expect, it } from 'vitest';
import { originateRequest } from './originate-request.ts';

describe('originateRequest', () => {
  it('builds the ARI query and keeps the app arguments in a channel variable', () => {
    expect(
      originateRequest(
        {
          target: { kind: 'agent', userId: 'u1' },
          appArgs: ['agent', 'call-1', 'u1'],
          callerId: { number: '+8613800138000', name: 'Wang Li' },
          timeoutSec: 30,
          channelId: 'leg-1',
          variables: { RINGSIDE_CALL: 'call-1' },
        },
        'ringside',
      ),
    ).toEqual({
      query: {
        endpoint: 'PJSIP/agent-u1',
        app: 'ringside',
        appArgs: 'agent,call-1,u1',
        callerId: '"Wang Li" <+8613800138000>',
        timeout: 30,
        channelId: 'leg-1',
        otherChannelId: undefined,
        formats: 'opus,ulaw',
      },
      body: { variables: { RINGSIDE_CALL: 'call-1', RINGSIDE_APP_ARGS: 'agent,call-1,u1' } },
    });
  });

  it('sends no body when there is nothing to set, and uses the number template', () => {
    const r = originateRequest(
      { target: { kind: 'number', number: '13800138000' }, callerId: { number: '4000' } },
      'rs',
      'Local/tone@ringside-test',
    );
    expect(r.body).toBeUndefined();
    expect(r.query).toMatchObject({
      endpoint: 'Local/tone@ringside-test',
      callerId: '4000',
      formats: undefined,
    });
  });
});
