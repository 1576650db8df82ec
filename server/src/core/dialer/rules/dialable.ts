// Whether a record may be dialed at this moment. The telephony dialer calls this for every number just
// before it originates, with the DNC sets as they are now — so a number added to a list mid-campaign is
// never dialed, whatever was decided when the record was loaded.
import { checkCallingWindow } from './calling-window.ts';
import { isOnDnc } from './phone.ts';
import type { DialContext, DialRecord, Dialability } from './types.ts';

const no = (reason: Exclude<Dialability, { dialable: true }>['reason']): Dialability => ({ dialable: false, reason });

export function isDialable(record: DialRecord, ctx: DialContext): Dialability {
  if (record.status === 'invalid' || record.status === 'unreachable') return no(record.status);
  // A callback promised to the customer outlives "done" and "exhausted"; legal checks below still apply.
  const callbackDue = record.callback !== null && ctx.nowMs >= record.callback.atMs;
  if (record.status === 'done' && !record.callback) return no('done');
  if (record.status === 'exhausted' && !record.callback) return no('exhausted');
  if (isOnDnc(record.phone, ctx.globalDnc)) return no('dnc-global');
  if (isOnDnc(record.phone, ctx.campaignDnc)) return no('dnc-campaign');
  if (record.lastAbandonedAtMs !== null && ctx.nowMs < record.lastAbandonedAtMs + ctx.rules.abandonedNoRedialSec * 1000) return no('abandoned-recently');
  if (record.callback ? !callbackDue : record.nextAttemptAtMs !== null && ctx.nowMs < record.nextAttemptAtMs) return no('not-due');
  const inWindow = checkCallingWindow(ctx.nowMs, record.timeZone, ctx.window);
  if (inWindow !== 'inside') return no(inWindow === 'outside' ? 'outside-window' : 'unknown-time-zone');
  return { dialable: true };
}
