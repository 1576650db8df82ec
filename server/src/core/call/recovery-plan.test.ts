import { describe, expect, it } from 'vitest';
import { planRecovery, type HeldCall, type SeenChannel } from './recovery-plan.ts';

const up = (
  channelId: string,
  firstArg: string | undefined = 'x',
  tag: SeenChannel['tag'] = null,
): SeenChannel => ({ channelId, up: true, tag, firstArg });
const ringing = (channelId: string): SeenChannel => ({
  channelId,
  up: false,
  tag: null,
  firstArg: undefined,
});

const queued: HeldCall = {
  callId: 'q',
  talking: false,
  playing: false,
  legs: [{ channelId: 'q-caller', role: 'caller', agentId: null }],
  bridgeId: null,
};
const talking: HeldCall = {
  callId: 't',
  talking: true,
  playing: false,
  legs: [
    { channelId: 't-caller', role: 'caller', agentId: null },
    { channelId: 't-agent', role: 'agent', agentId: 'a1' },
  ],
  bridgeId: 'b-t',
};
const offering: HeldCall = {
  callId: 'o',
  talking: false,
  playing: false,
  legs: [
    { channelId: 'o-caller', role: 'caller', agentId: null },
    { channelId: 'o-leg', role: 'offered', agentId: 'a2' },
  ],
  bridgeId: null,
};

describe('recovery plan', () => {
  it('a waiting caller still in the app and a talk still bridged need nothing', () => {
    const plan = planRecovery(
      [queued, talking],
      [up('q-caller'), up('t-caller'), up('t-agent')],
      [{ bridgeId: 'b-t', channelIds: ['t-caller', 't-agent'] }],
    );
    expect(plan).toEqual([]);
  });

  it('a call whose caller vanished is closed by its caller leg alone', () => {
    const plan = planRecovery([talking], [up('t-agent')], [{ bridgeId: 'b-t', channelIds: ['t-agent'] }]);
    expect(plan).toEqual([{ type: 'legGone', callId: 't', channelId: 't-caller', role: 'caller' }]);
  });

  it('an agent leg that vanished ends the talk (no bridge rebuilt for it)', () => {
    const plan = planRecovery([talking], [up('t-caller')], []);
    expect(plan).toEqual([{ type: 'legGone', callId: 't', channelId: 't-agent', role: 'agent' }]);
  });

  it('a talk whose bridge is gone (or lost a member) gets its bridge rebuilt', () => {
    expect(planRecovery([talking], [up('t-caller'), up('t-agent')], [])).toEqual([
      { type: 'rebuildBridge', callId: 't' },
    ]);
    expect(
      planRecovery(
        [talking],
        [up('t-caller'), up('t-agent')],
        [{ bridgeId: 'b-t', channelIds: ['t-agent'] }],
      ),
    ).toEqual([{ type: 'rebuildBridge', callId: 't' }]);
  });

  it('an offered leg still ringing is kept; one that answered unseen is answered; one gone is gone', () => {
    expect(planRecovery([offering], [up('o-caller'), ringing('o-leg')], [])).toEqual([]);
    expect(planRecovery([offering], [up('o-caller'), up('o-leg', 'agent')], [])).toEqual([
      { type: 'legAnswered', callId: 'o', channelId: 'o-leg', role: 'offered', agentId: 'a2' },
    ]);
    expect(planRecovery([offering], [up('o-caller')], [])).toEqual([
      { type: 'legGone', callId: 'o', channelId: 'o-leg', role: 'offered' },
    ]);
  });

  it('a queued or IVR caller whose prompt was playing resumes its media', () => {
    expect(planRecovery([{ ...queued, playing: true }], [up('q-caller')], [])).toEqual([
      { type: 'resumeMedia', callId: 'q' },
    ]);
  });

  it('channels nobody holds: an untagged inbound caller is adopted, dialer legs are left to the dialer, the rest hung up', () => {
    const plan = planRecovery(
      [],
      [
        up('new', 'inbound'),
        up('d', 'dialer', { kind: 'dialer', callId: 'x' }),
        up('sv', 'supervise', { kind: 'supervisor', callId: 'y' }),
        up('stray', 'agent', { kind: 'agentLeg', callId: 'z' }),
      ],
      [],
    );
    expect(plan).toEqual([
      { type: 'adoptInbound', channelId: 'new' },
      { type: 'hangupStray', channelId: 'sv' },
      { type: 'hangupStray', channelId: 'stray' },
    ]);
  });

  it('a click-to-dial whose far leg vanished is closed from that leg', () => {
    const dial: HeldCall = {
      callId: 'd',
      talking: true,
      playing: false,
      legs: [
        { channelId: 'd-agent', role: 'dialAgent', agentId: 'a1' },
        { channelId: 'd-far', role: 'dialOut', agentId: null },
      ],
      bridgeId: 'b-d',
    };
    expect(planRecovery([dial], [up('d-agent')], [])).toEqual([
      { type: 'legGone', callId: 'd', channelId: 'd-far', role: 'dialOut' },
    ]);
  });

  it('after a restart, bridges no held call uses are destroyed; after a reconnect they are left alone', () => {
    const bridges = [
      { bridgeId: 'b-t', channelIds: ['t-caller', 't-agent'] },
      { bridgeId: 'monitor-t-1', channelIds: [] },
    ];
    const seen = [up('t-caller'), up('t-agent')];
    expect(planRecovery([talking], seen, bridges, { strayBridges: true })).toEqual([
      { type: 'destroyStrayBridge', bridgeId: 'monitor-t-1' },
    ]);
    expect(planRecovery([talking], seen, bridges)).toEqual([]);
  });
});
