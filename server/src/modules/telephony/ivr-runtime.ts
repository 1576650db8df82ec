// IVR menus: the prompt plays, one DTMF digit picks an option (queue, sub-menu, voicemail, user); no
// input within the timeout or an unknown digit replays the menu up to maxRetries times, then the
// menu's fallback (or the end of the call). The path ("menu name:digit") goes on the call record.
import { eq } from 'drizzle-orm';
import type { MediaUri } from '@ringside/pbx';
import { ivrMenus } from '../../db/schema/telephony.ts';
import { cleanupStep } from './pbx-cleanup.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

type MenuRow = typeof ivrMenus.$inferSelect;

async function menuOf(rt: TelephonyRuntime, id: string): Promise<MenuRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [m] = await rt.deps.db.select().from(ivrMenus).where(eq(ivrMenus.id, id));
  return m;
}

export async function startIvr(
  rt: TelephonyRuntime,
  call: LiveCall,
  menuId: string,
  retries = 0,
): Promise<void> {
  const menu = await menuOf(rt, menuId);
  if (!menu) {
    await rt.ops.applyCall(call, { type: 'hangup', side: 'system', cause: 'no-route', now: rt.now() });
    await hangUpCaller(rt, call);
    return;
  }
  if (retries === 0) call.ivrPath.push(menu.name);
  call.ivr = { menuId, retries, promptAt: rt.now(), waitingSince: null };
  const media = call.languages.map((l): MediaUri => `sound:ringside/${l}/${menu.promptId}`);
  const id = await rt.pbx.play({ kind: 'channel', id: call.callerChannel }, media);
  call.playbackId = id;
  rt.playbacks.set(id, { callId: call.id, then: 'ivr' });
}

/** The prompt finished: wait for a digit until the menu's timeout (checked on the tick). */
export function ivrPromptDone(rt: TelephonyRuntime, call: LiveCall): void {
  if (call.ivr) call.ivr.waitingSince = rt.now();
}

export async function ivrDigit(rt: TelephonyRuntime, call: LiveCall, digit: string): Promise<void> {
  const ivr = call.ivr;
  if (!ivr) return;
  const menu = await menuOf(rt, ivr.menuId);
  if (!menu) return;
  const option = menu.options.find((o) => o.digit === digit);
  // The prompt may have ended already; if it cannot be stopped, the caller's choice still counts.
  if (call.playbackId)
    await cleanupStep(rt.log, rt.pbx.stopPlayback(call.playbackId), 'stopping the menu prompt', {
      callId: call.id,
    });
  call.playbackId = null;
  if (!option) return retryOrFallback(rt, call, menu);
  call.ivr = null;
  call.ivrPath.push(`${digit}`);
  await rt.ops.routeTo(call, option.kind, option.target);
}

async function retryOrFallback(rt: TelephonyRuntime, call: LiveCall, menu: MenuRow): Promise<void> {
  const retries = (call.ivr?.retries ?? 0) + 1;
  if (retries <= menu.maxRetries) return startIvr(rt, call, menu.id, retries);
  call.ivr = null;
  if (menu.fallback) return rt.ops.routeTo(call, menu.fallback.kind, menu.fallback.target);
  await rt.ops.applyCall(call, { type: 'hangup', side: 'system', cause: 'ivr-no-input', now: rt.now() });
  await hangUpCaller(rt, call);
}

/**
 * The call is over in the machine already: hanging up is cleanup. Runs from the tick too (menu timeouts),
 * so a failure is logged here rather than stopping the other calls' timeouts and the routing pass.
 */
async function hangUpCaller(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  await cleanupStep(rt.log, rt.pbx.hangup(call.callerChannel), 'hang-up of the caller after the menu', {
    callId: call.id,
  });
}

/** Tick: menus waiting for a digit past their timeout. */
export async function ivrTimeouts(rt: TelephonyRuntime): Promise<void> {
  for (const call of rt.calls.values()) {
    const w = call.ivr?.waitingSince;
    if (!call.ivr || w === null || w === undefined) continue;
    const menu = await menuOf(rt, call.ivr.menuId);
    if (menu && rt.now() - w >= menu.timeoutSec * 1000) await retryOrFallback(rt, call, menu);
  }
}
