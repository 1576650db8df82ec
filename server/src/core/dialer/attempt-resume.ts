// What a restarted dialer does with an attempt it finds persisted: the dialer's rules applied to where the
// attempt was when the old process died, knowing whether the PBX still holds the called party's channel
// and whether telephony still has the call.
//
//  phase          channel alive                                  channel gone
//  ringing        wait for its events (leg claimed again)         no answer (ring timeout passed) / failed
//  amd            wait for the verdict (a fresh AMD deadline)     answered (hung up during AMD)
//  waiting        the 2 s grace is long over: abandon, message    abandoned
//                 (preview: offer to its agent again)
//  offered /      telephony still has the call: wait for its end; it does not: answered (agent if connected),
//  connected      our calls row if telephony never wrote one, and the channel hung up if still there
//  machine /      listen for the message's end again (or play it, or hang up as we were about to)
//  abandoning                                                     machine / abandoned
//
// Settled attempts carry cause null: nobody saw how the channel ended.
import type { AttemptCommand, AttemptEvent, AttemptState, AttemptStep } from './attempt-types.ts';
import {
  abandon,
  AMD_TIMEOUT_MS,
  dialResolved,
  finish,
  MESSAGE_LIMIT_MS,
  messageCommands,
  reject,
  stay,
} from './attempt-steps.ts';

type Resume = Extract<AttemptEvent, { type: 'resume' }>;

const claim: AttemptCommand = { type: 'claimLeg' };

export function resumeAttempt(prior: AttemptState, e: Resume): AttemptStep {
  // Nothing in flight survives the restart: an offer or a take-back that was running got no answer.
  const state: AttemptState = {
    ...prior,
    offering: false,
    takeBack: prior.takeBack === 'running' ? 'none' : prior.takeBack,
  };
  const gone = { cause: null, agentId: null, writeCallRow: true, releaseLeg: true };
  switch (state.phase) {
    case 'done':
      return reject(prior, e, 'RS_DIAL_DONE');
    case 'ringing': {
      if (e.channelAlive) return stay(state, {}, [claim]);
      const rangOut = e.now - state.startedAt >= state.setup.ringTimeoutMs;
      const outcome = rangOut ? ('noAnswer' as const) : ('failed' as const);
      const notes = [dialResolved(state, outcome, e.now)];
      return finish(state, e, outcome, { ...gone, notes });
    }
    case 'amd':
      if (e.channelAlive) return stay(state, { deadline: e.now + AMD_TIMEOUT_MS }, [claim]);
      return finish(state, e, 'answered', gone);
    case 'waiting':
      if (e.channelAlive) {
        if (state.setup.previewAgentId !== null) return stay(state, {}, [claim]);
        return abandon(state, e, [claim]);
      }
      return finish(state, e, 'abandoned', {
        ...gone,
        notes: [{ kind: 'liveAnswerSettled', outcome: 'abandoned', atSec: e.now / 1000 }],
      });
    case 'offered':
    case 'connected': {
      if (e.callLive) return stay(state, {}, [{ type: 'handedOver' }]);
      const agentId = state.phase === 'connected' ? state.agentId : null;
      const first: AttemptCommand[] = e.channelAlive ? [{ type: 'hangup' }] : [];
      return finish(state, e, 'answered', { ...gone, agentId, first });
    }
    case 'machine':
    case 'abandoning': {
      if (!e.channelAlive) return finish(state, e, state.phase === 'machine' ? 'machine' : 'abandoned', gone);
      const deadline = state.hangupSent ? null : e.now + MESSAGE_LIMIT_MS;
      return stay(state, { deadline }, [claim, ...messageCommands(state)]);
    }
  }
}
