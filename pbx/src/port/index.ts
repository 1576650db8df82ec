export type { PbxPort, PbxListener } from './port.ts';
export type * from './events.ts';
export type * from './commands.ts';
export type { HangupOutcome, HangupReason } from './outcome.ts';
export { PbxError, isPbxError, isGone, ignoreGone, type PbxErrorCode } from './errors.ts';
