// ARI HTTP statuses → PbxError codes. ARI answers 404 for a vanished channel (caller hung up: common,
// benign), 409/412 for a channel in the wrong state (e.g. not in Stasis), 422 for a bad endpoint/media.
// Exception: a channel named in the query rather than the path (bridges' addChannel/removeChannel) that
// is gone is a 400 "Channel not found"; it is the same vanished channel, so it maps to not-found too.
import { PbxError, type PbxErrorCode } from '../port/errors.ts';

export function codeFromStatus(status: number): PbxErrorCode {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 502 || status === 503) return 'unavailable';
  return 'failed';
}

export function errorFromResponse(command: string, status: number, body: string): PbxError {
  let message = body.trim();
  try {
    const parsed = JSON.parse(body) as { message?: string; error?: string };
    message = parsed.message ?? parsed.error ?? message;
  } catch {
    // Not JSON (e.g. an HTML error page): keep the text.
  }
  const code = status === 400 && /\bnot found\b/i.test(message) ? 'not-found' : codeFromStatus(status);
  return new PbxError(code, `${command}: ${message || `HTTP ${status}`}`, command, status);
}

/** fetch() itself failed: no HTTP answer at all. */
export function errorFromNetwork(command: string, err: unknown): PbxError {
  const e = err as { name?: string; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new PbxError('timeout', `${command}: no answer from the PBX in time`, command);
  }
  return new PbxError('unavailable', `${command}: PBX unreachable (${e.message ?? String(err)})`, command);
}
