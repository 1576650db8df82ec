// Telephony runtime transitions (runtime-events.ts) as wallboard fold events (core/wallboard).
import type { AgentState } from '../../core/agent/agent-types.ts';
import type { WallboardEvent } from '../../core/wallboard/wallboard-types.ts';
import type { CallFacts, TelephonyEvent } from '../telephony/facade.ts';

export function agentStateEvent(agentId: string, s: AgentState, at: number): WallboardEvent {
  const st = s.status;
  const callId =
    st.kind === 'ringing' ? st.offer.callId : st.kind === 'onCall' || st.kind === 'wrapUp' ? st.callId : null;
  return {
    type: 'agentState',
    agentId,
    state: st.kind,
    reason: st.kind === 'paused' ? st.reason : null,
    since: s.since,
    callId,
    at,
  };
}

export function customerLabel(call: CallFacts): string {
  return call.pop.party?.name ?? call.callerNumber;
}

/** The fold events for a call as it stands now (used for transitions and to seed from live calls). */
export function callStateEvents(
  call: CallFacts,
  at: number,
  answerEvent: 'answer' | 'transferCompleted' | null,
): WallboardEvent[] {
  const st = call.state.status;
  // A dialer call sits in a pseudo-queue `campaign:<id>` (telephony/campaign-call.ts): it is the
  // campaign's, not an ACD queue's, so it never counts as waiting or answered in a queue tile.
  const campaign = call.campaign ?? null;
  switch (st.kind) {
    case 'queued':
    case 'offering':
      return campaign
        ? []
        : [
            {
              type: 'callWaiting',
              callId: call.id,
              queueId: st.queueId,
              waitingSince: call.state.waitingSince ?? at,
              at,
            },
          ];
    case 'answered':
    case 'held':
    case 'transferring':
      if (!answerEvent) return [];
      return [
        {
          type: 'callAnswered',
          callId: call.id,
          agentId: st.agentId,
          queueId: campaign ? null : st.queueId,
          campaignId: campaign?.id ?? null,
          campaignName: campaign?.name ?? null,
          customer: customerLabel(call),
          countForQueue: !campaign && answerEvent === 'answer',
          at,
        },
      ];
    case 'ended':
      return [
        {
          type: 'callEnded',
          callId: call.id,
          queueId: campaign ? null : (call.state.queuePath.at(-1) ?? null),
          outcome: st.outcome,
          answered: call.state.answeredAt !== null,
          at,
        },
      ];
    case 'entered':
      return [];
  }
}

export function fromTelephony(e: TelephonyEvent): WallboardEvent[] {
  if (e.kind === 'agentState') return [agentStateEvent(e.agentId, e.state, e.at)];
  if (e.kind === 'configReloaded' || e.kind === 'dialEnded') return [];
  const ev = e.transition.event;
  // Only a first answer and a transfer landing on another agent start a new talk for the wallboard;
  // retrieving from hold or a failed transfer return to the same talk.
  const answerEvent = ev === 'answer' || ev === 'transferCompleted' ? ev : null;
  return callStateEvents(e.call, e.at, answerEvent);
}
