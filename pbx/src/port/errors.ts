// One error type for every PBX command, with a stable code. Services branch on `code`, never on text.

export type PbxErrorCode =
  /** The channel, bridge, playback or recording no longer exists (often: the caller hung up). */
  | 'not-found'
  /** The object is in the wrong state for the command (e.g. channel not in Stasis, bridge busy). */
  | 'conflict'
  /** The PBX is unreachable or not connected; retry later. */
  | 'unavailable'
  /** Bad parameters (a bug on our side, or an unknown endpoint/media). */
  | 'invalid'
  /** The PBX refused our credentials. */
  | 'unauthorized'
  /** The command did not answer in time. */
  | 'timeout'
  /** The PBX failed the command for another reason. */
  | 'failed';

export class PbxError extends Error {
  constructor(
    readonly code: PbxErrorCode,
    message: string,
    /** The command that failed, e.g. "answer" — for logs. */
    readonly command?: string,
    /** HTTP status or other vendor detail, for logs only. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PbxError';
  }
}

export function isPbxError(err: unknown, code?: PbxErrorCode): err is PbxError {
  return err instanceof PbxError && (code === undefined || err.code === code);
}

/** The object of a command was already gone (a hung-up channel, a destroyed bridge, a finished playback). */
export function isGone(err: unknown): boolean {
  return isPbxError(err, 'not-found');
}

/**
 * For commands whose object may rightly be gone already (hanging up a leg the far end just hung up,
 * stopping a playback that just finished): resolves in that case, rejects with any other PbxError.
 */
export async function ignoreGone(command: Promise<unknown>): Promise<void> {
  try {
    await command;
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}
