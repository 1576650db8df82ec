// How a channel ended, in words the server's state machines use. Vendor causes (Q.850 numbers from
// ChannelDestroyed.cause) are mapped in the adapter; Dial.dialstatus is not used because it reports a
// SIP 404 as NOANSWER.

export type HangupOutcome =
  /** 16 normal clearing, 31 normal unspecified: the call ended the ordinary way. */
  | 'answered-normal'
  /** 18 no user responding, 19 no answer (also our own originate timeout). */
  | 'no-answer'
  /** 17 user busy. */
  | 'busy'
  /** 34 no circuit, 42 switching congestion, 44 channel not available, 41 temporary failure. */
  | 'congestion'
  /** 1 unallocated number, 3 no route to destination, 22 number changed. */
  | 'unallocated'
  /** 28 invalid number format (incomplete number). */
  | 'invalid-number'
  /** 21 call rejected. */
  | 'rejected'
  /** 20 subscriber absent, 27 destination out of order: the far end is unreachable. */
  | 'unreachable'
  /** 26 answered elsewhere (another leg of a forked call won). */
  | 'answered-elsewhere'
  /** 38 network out of order, 47, 58, 65, 88, 127 and other failures. */
  | 'failed'
  /** 0 or a cause we do not know. */
  | 'unknown';

/** Why we hang up a channel; the adapter turns it into a Q.850 cause. A number is sent as-is. */
export type HangupReason =
  | 'normal'
  | 'busy'
  | 'congestion'
  | 'no-answer'
  | 'rejected'
  | 'unallocated'
  | 'answered-elsewhere'
  | 'failed'
  | number;
