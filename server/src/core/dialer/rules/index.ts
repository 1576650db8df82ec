// Dialing rules: whom the dialer may call now, and when a number is tried again.
export type * from './types.ts';
export { defaultRetryRules, newDialRecord } from './types.ts';
export { isDialable } from './dialable.ts';
export { nextAttempt, scheduleCallback, ringTimeoutSec, MIN_RING_SEC } from './retry.ts';
export { checkCallingWindow, parseClock } from './calling-window.ts';
export { localClock, type LocalClock } from './local-time.ts';
export { normalizePhone, dncSet, isOnDnc } from './phone.ts';
