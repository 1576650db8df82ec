import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, transition, type SoftphoneEvent, type SoftphoneState } from './softphone-machine.ts';

/** Applies events in order; returns the state names visited and the refusals. */
function play(events: SoftphoneEvent[], from: SoftphoneState = INITIAL_STATE) {
  let state = from;
  const names: string[] = [];
  const refused: string[] = [];
  for (const e of events) {
    const t = transition(state, e);
    if (!t.ok) refused.push(t.reason);
    state = t.state;
    names.push(state.name + (state.muted ? '(muted)' : ''));
  }
  return { state, names, refused };
}

describe('softphone state machine', () => {
  it('registers, rings, answers, mutes and unmutes, and ends', () => {
    const r = play([
      { type: 'register' },
      { type: 'registered' },
      { type: 'incoming', remote: '13800138000' },
      { type: 'answer' },
      { type: 'established' },
      { type: 'mute', on: true },
      { type: 'mute', on: false },
      { type: 'hangup' },
      { type: 'terminated', reason: 'local' },
      { type: 'reset' },
    ]);
    expect(r.names).toEqual([
      'registering',
      'registered',
      'ringing',
      'answering',
      'inCall',
      'inCall(muted)',
      'inCall',
      'inCall',
      'ended',
      'registered',
    ]);
    expect(r.refused).toEqual([]);
    expect(r.state.remote).toBeNull();
  });

  it('keeps the caller identity while ringing and the end reason after', () => {
    const r = play([{ type: 'register' }, { type: 'registered' }, { type: 'incoming', remote: 'Alice' }]);
    expect(r.state.remote).toBe('Alice');
    const ended = play([{ type: 'terminated', reason: 'remote' }], r.state);
    expect(ended.state).toMatchObject({ name: 'ended', reason: 'remote', remote: 'Alice' });
  });

  it('refuses a second incoming call while busy, and answer or mute when not ringing / in a call', () => {
    const r = play([
      { type: 'answer' },
      { type: 'register' },
      { type: 'registered' },
      { type: 'mute', on: true },
      { type: 'incoming', remote: 'a' },
      { type: 'incoming', remote: 'b' },
      { type: 'mute', on: true },
    ]);
    expect(r.refused).toEqual([
      'answer is not allowed in idle',
      'mute is not allowed in registered',
      'incoming is not allowed in ringing',
      'mute is not allowed in ringing',
    ]);
    expect(r.state).toMatchObject({ name: 'ringing', remote: 'a' });
  });

  it('a new call may ring while the previous one is still shown as ended', () => {
    const r = play([
      { type: 'register' },
      { type: 'registered' },
      { type: 'incoming', remote: 'a' },
      { type: 'terminated', reason: 'rejected' },
      { type: 'incoming', remote: 'b' },
    ]);
    expect(r.names.at(-1)).toBe('ringing');
    expect(r.state.reason).toBeNull();
  });

  it('a registration failure goes to failed and a retry can register again', () => {
    const r = play([
      { type: 'register' },
      { type: 'registrationFailed', reason: 'timeout' },
      { type: 'register' },
      { type: 'registered' },
    ]);
    expect(r.names).toEqual(['registering', 'failed', 'registering', 'registered']);
  });

  it('losing the registration during a call keeps the call; afterwards the phone is idle', () => {
    const r = play([
      { type: 'register' },
      { type: 'registered' },
      { type: 'incoming', remote: 'a' },
      { type: 'answer' },
      { type: 'established' },
      { type: 'unregistered' },
      { type: 'terminated', reason: 'remote' },
      { type: 'unregistered' },
    ]);
    expect(r.names).toEqual([
      'registering',
      'registered',
      'ringing',
      'answering',
      'inCall',
      'inCall',
      'ended',
      'idle',
    ]);
  });

  it('unmutes when a call ends and the next call starts unmuted', () => {
    const r = play([
      { type: 'register' },
      { type: 'registered' },
      { type: 'incoming', remote: 'a' },
      { type: 'answer' },
      { type: 'established' },
      { type: 'mute', on: true },
      { type: 'terminated', reason: 'remote' },
      { type: 'incoming', remote: 'b' },
    ]);
    expect(r.state).toMatchObject({ name: 'ringing', muted: false });
  });

  it('ignores a late terminated or reset outside a call', () => {
    const r = play([{ type: 'terminated', reason: 'x' }, { type: 'reset' }]);
    expect(r.names).toEqual(['idle', 'idle']);
    expect(r.refused).toEqual([]);
  });
  it('a lost connection shows reconnecting until registered again; failures on the way keep it reconnecting', () => {
    const r = play([
      { type: 'register' },
      { type: 'registered' },
      { type: 'connectionLost' },
      { type: 'registrationFailed', reason: '503 Service Unavailable' },
      { type: 'connectionLost' },
      { type: 'registered' },
    ]);
    expect(r.names).toEqual([
      'registering',
      'registered',
      'reconnecting',
      'reconnecting',
      'reconnecting',
      'registered',
    ]);
    expect(r.state).toMatchObject({ reconnecting: false, reason: null });
    expect(r.refused).toEqual([]);
  });

  it('a call keeps its state through a lost connection; after it the phone is reconnecting, not registered', () => {
    const inCall = play([
      { type: 'register' },
      { type: 'registered' },
      { type: 'incoming', remote: 'a' },
      { type: 'answer' },
      { type: 'established' },
    ]).state;
    const r = play(
      [
        { type: 'connectionLost' },
        { type: 'terminated', reason: 'remote' },
        { type: 'reset' },
        { type: 'incoming', remote: 'b' },
        { type: 'registered' },
      ],
      inCall,
    );
    expect(r.names).toEqual(['inCall', 'ended', 'reconnecting', 'reconnecting', 'registered']);
    expect(r.refused).toEqual(['incoming is not allowed in reconnecting']);
    // Registered again before the call ended: the end goes back to registered as usual.
    const back = play(
      [
        { type: 'connectionLost' },
        { type: 'registered' },
        { type: 'terminated', reason: 'remote' },
        { type: 'reset' },
      ],
      inCall,
    );
    expect(back.names).toEqual(['inCall', 'inCall', 'ended', 'registered']);
  });

  it('stopping the phone while reconnecting goes idle and a late connectionLost changes nothing', () => {
    const r = play([
      { type: 'register' },
      { type: 'registered' },
      { type: 'connectionLost' },
      { type: 'unregistered' },
      { type: 'connectionLost' },
    ]);
    expect(r.names).toEqual(['registering', 'registered', 'reconnecting', 'idle', 'idle']);
    expect(r.state.reconnecting).toBe(false);
  });
});
