import { describe, expect, it } from 'vitest';
import type { PbxEvent, PbxEventOf } from '../port/events.ts';
import { AmdDetours, amdVerdict, routeAmdEvent } from './amd.ts';
import * as f from './ari-fixtures.test-data.ts';
import { mapAriEvent } from './map-event.ts';

const at = '2026-11-26T18:01:20.000+0000';
const entered = (args: string[], channelId = 'c1'): PbxEventOf<'callEntered'> => ({
  type: 'callEntered',
  at,
  channelId,
  channelName: 'PJSIP/carrier-1',
  args,
  callerNumber: '',
  callerName: '',
  dialedExten: 's',
  context: 'ringside-dialer-amd',
  state: 'up',
  language: 'en',
});
const stasisEnd = (channelId = 'c1'): PbxEvent => ({ type: 'stasisEnd', at, channelId });
const destroyed = (channelId = 'c1'): PbxEvent => ({
  type: 'channelDestroyed',
  at,
  channelId,
  cause: 16,
  causeText: 'Normal Clearing',
  outcome: 'answered-normal',
});

describe('amdVerdict', () => {
  it.each([
    ['HUMAN', 'human'],
    ['MACHINE', 'machine'],
    ['NOTSURE', 'notsure'],
    ['HANGUP', 'hangup'],
    ['', 'notsure'],
    [undefined, 'notsure'],
    ['human', 'notsure'],
  ] as const)('%s → %s', (status, verdict) => expect(amdVerdict(status)).toBe(verdict));
});

describe('routeAmdEvent', () => {
  it('turns the re-entry into amdResult with the cause as detail', () => {
    expect(routeAmdEvent(entered(['dialer-amd', 'MACHINE', 'LONGGREETING-2000-1500']), true)).toEqual({
      event: { type: 'amdResult', at, channelId: 'c1', verdict: 'machine', detail: 'LONGGREETING-2000-1500' },
      done: true,
    });
  });
  it('maps a re-entry of a channel sent before a restart too (its args say what it is)', () => {
    expect(routeAmdEvent(entered(['dialer-amd', 'HUMAN', 'HUMAN-500-300']), false).event).toMatchObject({
      type: 'amdResult',
      verdict: 'human',
    });
  });
  it('hides the stasisEnd of the detour only', () => {
    expect(routeAmdEvent(stasisEnd(), true)).toEqual({ event: null, done: false });
    expect(routeAmdEvent(stasisEnd(), false)).toEqual({ event: stasisEnd(), done: false });
  });
  it('reports a channel destroyed during the detour and ends the detour', () => {
    expect(routeAmdEvent(destroyed(), true)).toEqual({ event: destroyed(), done: true });
  });
  it('leaves other callEntered alone', () => {
    expect(routeAmdEvent(entered(['dialer', 'c-1']), true)).toEqual({
      event: entered(['dialer', 'c-1']),
      done: false,
    });
  });
});

describe('AmdDetours', () => {
  it('reports one amdResult and no stasisEnd for the detour; a later stasisEnd is reported again', () => {
    const d = new AmdDetours();
    d.start('c1');
    const out = [
      stasisEnd(),
      entered(['dialer-amd', 'NOTSURE', 'TOOLONG-5000']),
      stasisEnd(),
      destroyed(),
    ].map((e) => d.route(e));
    expect(out.map((e) => e?.type ?? null)).toEqual([null, 'amdResult', 'stasisEnd', 'channelDestroyed']);
    expect(d.size).toBe(0);
  });
  it('forgets a channel destroyed on the detour, and one whose continue failed', () => {
    const d = new AmdDetours();
    d.start('c1');
    d.start('c2');
    expect(d.route(destroyed('c1'))).toEqual(destroyed('c1'));
    d.cancel('c2');
    expect(d.size).toBe(0);
    expect(d.route(stasisEnd('c2'))).toEqual(stasisEnd('c2'));
  });
  it('leaves events of other channels and without a channel alone', () => {
    const d = new AmdDetours();
    d.start('c1');
    expect(d.route(stasisEnd('c9'))).toEqual(stasisEnd('c9'));
    const connected: PbxEvent = { type: 'connected', at };
    expect(d.route(connected)).toBe(connected);
  });
  it('works on what map-event makes of the recorded ARI re-entry', () => {
    const reentry = { ...f.stasisStart, args: ['dialer-amd', 'HUMAN', 'HUMAN-300-100'] };
    const d = new AmdDetours();
    d.start('1795716074.1');
    expect(mapAriEvent(f.stasisEnd).map((e) => d.route(e))).toEqual([null]);
    expect(mapAriEvent(reentry).map((e) => d.route(e))).toEqual([
      {
        type: 'amdResult',
        at: f.stasisStart.timestamp,
        channelId: '1795716074.1',
        verdict: 'human',
        detail: 'HUMAN-300-100',
      },
    ]);
  });
});
