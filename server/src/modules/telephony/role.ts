// The telephony role assembled: the runtime (state, chain, timers) with the handlers and the mutually
// calling steps bound to it. The only file that imports both the runtime and its handlers, so the
// handler files depend on the runtime and on each other in one direction only.
import { flushAgentHistory } from '../reports/agent-history-recorder.ts';
import { applyAgent, tickAgents } from './agent-ops.ts';
import { restoreAgents } from './agent-restore.ts';
import { applyCall } from './call-ops.ts';
import { loadTelephonyConfig } from './config-store.ts';
import { handlePbxEvent, onGone } from './event-intake.ts';
import { routeTo } from './inbound.ts';
import { ivrTimeouts } from './ivr-runtime.ts';
import { reloadHeldCalls } from './recovery.ts';
import { runRoutePass } from './routing.ts';
import { TelephonyRuntime } from './runtime.ts';
import type { TelephonyDeps } from './types.ts';

export function createTelephonyRuntime(deps: TelephonyDeps): TelephonyRuntime {
  return new TelephonyRuntime(deps, (rt) => ({
    ops: {
      applyCall: (call, event) => applyCall(rt, call, event),
      applyAgent: (agentId, event) => applyAgent(rt, agentId, event),
      routeTo: (call, kind, target) => routeTo(rt, call, kind, target),
      legGone: (channelId, cause, outcome) => onGone(rt, channelId, cause, outcome),
    },
    handlers: {
      onPbxEvent: (e) => handlePbxEvent(rt, e),
      async tick() {
        await tickAgents(rt);
        await ivrTimeouts(rt);
        if (rt.reconciled) await runRoutePass(rt);
      },
      routePass: () => runRoutePass(rt),
      async restore() {
        try {
          const held = await reloadHeldCalls(rt);
          if (held > 0) rt.log.info({ held }, 'telephony: calls held by the previous process reloaded');
        } catch (err) {
          rt.log.error(
            { err },
            'telephony: the live store could not be read; calls of a previous process are closed by recovery',
          );
        }
        await restoreAgents(rt, (await loadTelephonyConfig(rt.deps.db)).snapshots);
      },
      flush: () => flushAgentHistory(rt),
    },
  }));
}
