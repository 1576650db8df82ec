// One dial attempt of a campaign as a reducer: (state, event) → step. No timers, no I/O: time comes in on
// every event (a tick checks the deadlines and the 2 s grace), and what to do is returned as commands the
// dialer runtime runs (modules/dialer/attempt-runner.ts). Every path ends in `done` with one settle
// command (or, when the originate failed, the record's claim released); events after that are rejected.
//
//            answered (AMD on)         amdResult machine
//  ringing ───────────────────► amd ─────────────────────► machine ──playbackFinished──► (hangup)
//     │ answered (AMD off)       │ amdResult human/notsure    │ message or hang-up           │
//     └──────────────► waiting ◄─┘                            │                              │
//              offerToAgent │ ▲ offerRefused                   ▼ hungup                       │
//                   offered │ └── (tick: offer again)         done ◄─────────────────────────┘
//                           ▼                                  ▲
//                        offered ──agentConnected──► connected ┤ handedCallEnded (telephony's record)
//                           │  └─────────handedCallEnded───────┤
//        tick, grace over   │ takeBack → takeBackResult(back)  │
//  waiting ─────────────────┴──────────────► abandoning ───────┘ hungup (after the message and our hang-up)
//
//   hungup while ringing ─► done (busy / no answer / unallocated / … from the far end's cause)
//   hungup in amd / waiting ─► done (answered: a short live answer, not our abandon)
//   hungup while offered / connected ─► stays: telephony owns the call and reports its end
//   resume (after a restart) ─► attempt-resume.ts
//
// The 2 s rule: a live answer not connected to an agent within CONNECT_GRACE_MS is abandoned with the
// identification message (preview mode excepted: the agent chose to dial and their phone is what rings).
import { outcomeOfAnswered, outcomeOfUnanswered, learnerResolution } from './attempt-classify.ts';
import { resumeAttempt } from './attempt-resume.ts';
import {
  abandon,
  AMD_TIMEOUT_MS,
  dialResolved,
  finish,
  goLive,
  graceOver,
  hangupAfterDeadline,
  learn,
  MESSAGE_LIMIT_MS,
  move,
  newAttemptState,
  type NewAttempt,
  reject,
  stay,
  wantedAgent,
} from './attempt-steps.ts';
import type { AttemptCommand, AttemptEvent, AttemptState, AttemptStep } from './attempt-types.ts';

export type { NewAttempt };

/** A record to dial: the leg is claimed before the originate, so no event about it arrives unclaimed. */
export function startAttempt(a: NewAttempt): { state: AttemptState; commands: AttemptCommand[] } {
  return { state: newAttemptState(a), commands: [{ type: 'claimLeg' }, { type: 'originate' }] };
}

export function reduceAttempt(state: AttemptState, e: AttemptEvent): AttemptStep {
  switch (state.phase) {
    case 'done':
      return reject(state, e, 'RS_DIAL_DONE');
    case 'ringing':
      return fromRinging(state, e);
    case 'amd':
      return fromAmd(state, e);
    case 'waiting':
      return fromWaiting(state, e);
    case 'offered':
    case 'connected':
      return fromHanded(state, e);
    case 'machine':
    case 'abandoning':
      return fromMessage(state, e);
  }
}

function fromRinging(state: AttemptState, e: AttemptEvent): AttemptStep {
  switch (e.type) {
    case 'originated':
      return stay(state);
    case 'originateFailed':
      return move(state, e, 'done', { endedAt: e.now, deadline: null }, [
        { type: 'releaseLeg' },
        { type: 'releaseRecord' },
      ]);
    case 'answered':
      if (!state.setup.amd) return goLive(state, e, { answeredAt: e.now });
      return move(state, e, 'amd', { answeredAt: e.now, deadline: e.now + AMD_TIMEOUT_MS }, [
        { type: 'startAmd' },
      ]);
    case 'hungup': {
      const outcome = outcomeOfUnanswered(e.pbxOutcome);
      const notes = [dialResolved(state, learnerResolution(outcome), e.now)];
      return finish(state, e, outcome, {
        cause: e.cause,
        agentId: null,
        writeCallRow: true,
        releaseLeg: true,
        notes,
      });
    }
    case 'tick':
      return hangupAfterDeadline(state, e.now);
    case 'resume':
      return resumeAttempt(state, e);
    case 'amdResult':
    case 'offered':
    case 'offerRefused':
    case 'agentConnected':
    case 'handedCallEnded':
    case 'takeBackResult':
    case 'messagePlaying':
    case 'playbackFinished':
      return reject(state, e);
  }
}

function fromAmd(state: AttemptState, e: AttemptEvent): AttemptStep {
  switch (e.type) {
    case 'amdResult': {
      const amd = { amdDetail: e.detail || null };
      if (e.verdict === 'machine') {
        const message = state.setup.machineAction === 'message';
        const resolved = learn(dialResolved(state, 'machine', e.now));
        const patch = {
          ...amd,
          amd: 'MACHINE' as const,
          deadline: message ? e.now + MESSAGE_LIMIT_MS : null,
          hangupSent: !message,
        };
        const act: AttemptCommand = message ? { type: 'playMessage', prompt: 'machine' } : { type: 'hangup' };
        return move(state, e, 'machine', patch, [resolved, act]);
      }
      // The detector heard the called party hang up: make sure the channel is gone; its end settles it.
      if (e.verdict === 'hangup')
        return stay(state, { ...amd, amd: 'HANGUP', deadline: null, hangupSent: true }, [{ type: 'hangup' }]);
      // NOTSURE is treated as a person: hanging up on a human is the worse mistake.
      return goLive(state, e, { ...amd, amd: e.verdict === 'human' ? 'HUMAN' : 'NOTSURE' });
    }
    case 'hungup':
      // Hung up during AMD: answered, a short live answer (nothing for the pacing model: it never needed an agent).
      return finish(state, e, outcomeOfAnswered({ amd: state.amd, reachedAgent: false, abandoned: false }), {
        cause: e.cause,
        agentId: null,
        writeCallRow: true,
        releaseLeg: true,
      });
    case 'tick':
      return hangupAfterDeadline(state, e.now);
    case 'resume':
      return resumeAttempt(state, e);
    case 'originated':
    case 'originateFailed':
    case 'answered':
    case 'offered':
    case 'offerRefused':
    case 'agentConnected':
    case 'handedCallEnded':
    case 'takeBackResult':
    case 'messagePlaying':
    case 'playbackFinished':
      return reject(state, e);
  }
}

function fromWaiting(state: AttemptState, e: AttemptEvent): AttemptStep {
  switch (e.type) {
    case 'offered':
      return move(state, e, 'offered', { agentId: e.agentId, offering: false }, [{ type: 'handedOver' }]);
    case 'offerRefused':
      if (graceOver(state, e.now)) return abandon(state, e);
      return stay(state, { offering: false });
    case 'tick':
      // One offer at a time; its result decides. Otherwise: the grace, then offer again (an agent may be free now).
      if (state.offering) return stay(state);
      if (graceOver(state, e.now)) return abandon(state, e);
      return stay(state, { offering: true }, [{ type: 'offerToAgent', agentId: wantedAgent(state) }]);
    case 'hungup':
      // Hung up inside the grace: a live answer that did not wait for us, not our abandon.
      return finish(state, e, outcomeOfAnswered({ amd: state.amd, reachedAgent: false, abandoned: false }), {
        cause: e.cause,
        agentId: null,
        writeCallRow: true,
        releaseLeg: true,
        notes: [{ kind: 'liveAnswerSettled', outcome: 'connected', atSec: e.now / 1000 }],
      });
    case 'resume':
      return resumeAttempt(state, e);
    case 'originated':
    case 'originateFailed':
    case 'answered':
    case 'amdResult':
    case 'agentConnected':
    case 'handedCallEnded':
    case 'takeBackResult':
    case 'messagePlaying':
    case 'playbackFinished':
      return reject(state, e);
  }
}

/** Offered or connected: telephony owns the call; the dialer takes it back after the grace, or waits for its end. */
function fromHanded(state: AttemptState, e: AttemptEvent): AttemptStep {
  const offered = state.phase === 'offered';
  switch (e.type) {
    case 'agentConnected': {
      if (!offered) return reject(state, e);
      const record: AttemptCommand[] = state.setup.recordCalls ? [{ type: 'recordCall' }] : [];
      const settled = learn({ kind: 'liveAnswerSettled', outcome: 'connected', atSec: e.now / 1000 });
      return move(state, e, 'connected', {}, [settled, { type: 'countConnect' }, ...record]);
    }
    case 'handedCallEnded': {
      // reachedAgent also covers an agent who answered while this dialer was restarting.
      const reached = !offered || e.reachedAgent;
      const notes = [
        ...(offered
          ? [{ kind: 'liveAnswerSettled' as const, outcome: 'connected' as const, atSec: e.now / 1000 }]
          : []),
        ...(reached && e.talkMs !== null ? [{ kind: 'talkEnded' as const, talkSec: e.talkMs / 1000 }] : []),
      ];
      const outcome = outcomeOfAnswered({ amd: state.amd, reachedAgent: reached, abandoned: false });
      const agentId = reached ? (e.agentId ?? state.agentId) : null;
      return finish(state, e, outcome, {
        cause: e.cause ?? 16,
        agentId,
        writeCallRow: false,
        releaseLeg: false,
        notes,
      });
    }
    case 'tick':
      if (!offered || state.takeBack !== 'none' || !graceOver(state, e.now)) return stay(state);
      return stay(state, { takeBack: 'running' }, [{ type: 'takeBack' }]);
    case 'takeBackResult':
      if (!offered || state.takeBack !== 'running') return reject(state, e);
      // Not back: the agent answered (or the call ended) in the same instant; that transition follows.
      if (!e.back) return stay(state, { takeBack: 'refused' });
      return abandon(state, e, [{ type: 'claimLeg' }]);
    case 'hungup':
      return stay(state, {}, [{ type: 'endHandedOverCall', cause: e.cause }]);
    case 'resume':
      return resumeAttempt(state, e);
    case 'originated':
    case 'originateFailed':
    case 'answered':
    case 'amdResult':
    case 'offered':
    case 'offerRefused':
    case 'messagePlaying':
    case 'playbackFinished':
      return reject(state, e);
  }
}

/** machine / abandoning: the message plays, then we hang up; the channel's end settles the attempt. */
function fromMessage(state: AttemptState, e: AttemptEvent): AttemptStep {
  const machine = state.phase === 'machine';
  switch (e.type) {
    case 'messagePlaying':
      return stay(state, { playbackId: e.playbackId });
    case 'playbackFinished':
      if (state.hangupSent) return stay(state, { heardMessage: e.heard });
      return stay(state, { heardMessage: e.heard, hangupSent: true, deadline: null }, [{ type: 'hangup' }]);
    case 'hungup': {
      // A "machine" that hangs up before our message finished behaves like a person: an AMD false
      // positive, counted as abandoned by the pacing model. With amd_action = hangup we cannot tell.
      const falsePositive =
        machine &&
        state.setup.machineAction === 'message' &&
        state.heardMessage === null &&
        !state.hangupSent;
      const notes = falsePositive
        ? [{ kind: 'liveAnswerSettled' as const, outcome: 'amdFalsePositive' as const, atSec: e.now / 1000 }]
        : [];
      const outcome = outcomeOfAnswered({ amd: state.amd, reachedAgent: false, abandoned: !machine });
      return finish(state, e, outcome, {
        cause: e.cause,
        agentId: null,
        writeCallRow: true,
        releaseLeg: true,
        notes,
      });
    }
    case 'tick':
      return hangupAfterDeadline(state, e.now);
    case 'resume':
      return resumeAttempt(state, e);
    // handedCallEnded: the call taken back ends in telephony as abandoned; that is this very abandon.
    case 'handedCallEnded':
    case 'originated':
    case 'originateFailed':
    case 'answered':
    case 'amdResult':
    case 'offered':
    case 'offerRefused':
    case 'agentConnected':
    case 'takeBackResult':
      return reject(state, e);
  }
}
