// The softphone's state machine, pure: no SIP.js, no DOM. The Softphone class feeds it events from SIP.js
// and from the agent's clicks; what it refuses never reaches SIP.js. Unit-tested as transition sequences.

export type SoftphoneStateName =
  | 'idle'
  | 'registering'
  | 'registered'
  | 'reconnecting'
  | 'ringing'
  | 'answering'
  | 'inCall'
  | 'ended'
  | 'failed';

export interface SoftphoneState {
  name: SoftphoneStateName;
  /** Local microphone disabled (only meaningful in inCall). */
  muted: boolean;
  /** Who is calling (SIP display name or user), while ringing / in a call. */
  remote: string | null;
  /** Why the last call ended or registration failed. */
  reason: string | null;
  /**
   * The SIP connection dropped without the agent asking and the phone is getting it back (reconnect.ts).
   * Outside a call the state is then 'reconnecting'; a call in progress keeps its state (its media does not
   * ride on the SIP WebSocket) and, once it ends, the phone shows 'reconnecting' until registered again.
   */
  reconnecting: boolean;
}

export type SoftphoneEvent =
  | { type: 'register' }
  | { type: 'registered' }
  | { type: 'registrationFailed'; reason: string }
  | { type: 'unregistered' }
  | { type: 'connectionLost' }
  | { type: 'incoming'; remote: string }
  | { type: 'answer' }
  | { type: 'established' }
  | { type: 'mute'; on: boolean }
  | { type: 'hangup' }
  | { type: 'terminated'; reason: string }
  | { type: 'reset' };

export type Transition =
  { ok: true; state: SoftphoneState } | { ok: false; reason: string; state: SoftphoneState };

export const INITIAL_STATE: SoftphoneState = Object.freeze({
  name: 'idle',
  muted: false,
  remote: null,
  reason: null,
  reconnecting: false,
});

const CALL_STATES: readonly SoftphoneStateName[] = ['ringing', 'answering', 'inCall'];

export function inCallState(name: SoftphoneStateName): boolean {
  return CALL_STATES.includes(name);
}

function to(state: SoftphoneState, patch: Partial<SoftphoneState>): Transition {
  return { ok: true, state: { ...state, ...patch } };
}

function refuse(state: SoftphoneState, event: SoftphoneEvent): Transition {
  return { ok: false, reason: `${event.type} is not allowed in ${state.name}`, state };
}

/** Registration events may arrive in any state; a call in progress keeps its media through them. */
function registration(
  s: SoftphoneState,
  e: Extract<
    SoftphoneEvent,
    { type: 'register' | 'registered' | 'registrationFailed' | 'unregistered' | 'connectionLost' }
  >,
): Transition {
  if (e.type === 'register')
    return s.name === 'idle' || s.name === 'failed'
      ? to(s, { name: 'registering', reason: null })
      : refuse(s, e);
  if (e.type === 'registered') {
    if (s.name === 'registering' || s.name === 'failed' || s.name === 'reconnecting')
      return to(s, { name: 'registered', reason: null, reconnecting: false });
    return s.reconnecting ? to(s, { reconnecting: false }) : { ok: true, state: s };
  }
  if (e.type === 'registrationFailed') {
    // While reconnecting the phone keeps trying: the failure is only the latest reason.
    return inCallState(s.name) || s.reconnecting
      ? { ok: true, state: { ...s, reason: e.reason } }
      : to(s, { name: 'failed', reason: e.reason });
  }
  if (e.type === 'connectionLost') {
    if (s.name === 'idle') return { ok: true, state: s }; // never started, or stopped: nothing to get back
    return inCallState(s.name)
      ? to(s, { reconnecting: true })
      : to(s, { name: 'reconnecting', reconnecting: true });
  }
  // Unregistered (the agent stopped the phone, or a registration that ended): no more reconnecting.
  if (inCallState(s.name)) return s.reconnecting ? to(s, { reconnecting: false }) : { ok: true, state: s };
  return to(s, { name: 'idle', muted: false, remote: null, reconnecting: false });
}

export function transition(s: SoftphoneState, e: SoftphoneEvent): Transition {
  switch (e.type) {
    case 'register':
    case 'registered':
    case 'registrationFailed':
    case 'unregistered':
    case 'connectionLost':
      return registration(s, e);
    case 'incoming':
      // One call at a time: a second INVITE while busy is refused (the Softphone answers it 486).
      return s.name === 'registered' || s.name === 'ended'
        ? to(s, { name: 'ringing', remote: e.remote, muted: false, reason: null })
        : refuse(s, e);
    case 'answer':
      return s.name === 'ringing' ? to(s, { name: 'answering' }) : refuse(s, e);
    case 'established':
      return s.name === 'answering' || s.name === 'ringing'
        ? to(s, { name: 'inCall', muted: false })
        : refuse(s, e);
    case 'mute':
      return s.name === 'inCall' ? to(s, { muted: e.on }) : refuse(s, e);
    case 'hangup':
      // Hang-up is a request; 'terminated' (from SIP.js) moves to ended.
      return inCallState(s.name) ? { ok: true, state: s } : refuse(s, e);
    case 'terminated':
      return inCallState(s.name)
        ? to(s, { name: 'ended', muted: false, reason: e.reason })
        : { ok: true, state: s };
    case 'reset':
      // After a call during which the connection dropped, the phone is not registered yet.
      return s.name === 'ended'
        ? to(s, { name: s.reconnecting ? 'reconnecting' : 'registered', remote: null, reason: null })
        : { ok: true, state: s };
  }
}
