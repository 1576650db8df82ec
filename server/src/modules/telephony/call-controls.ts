// The console's controls on a live call, by the agent on it: hold/retrieve (server side, the caller
// hears music), hang-up, blind/attended transfer, complete/cancel, conference; and the end of the
// agent's wrap-up. Each runs as one step of the runtime's chain, so it interleaves correctly with the
// call's PBX events. Reached through the facade (facade-calls.ts); modules/calls owns only the routes.
import { ignoreGone } from '@ringside/pbx';
import type { TransferBody } from '../../contracts/telephony.ts';
import type { TransferTarget } from '../../core/call/call-types.ts';
import { AppError } from '../../errors/catalog.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { cancelTransfer, completeTransfer, conference } from './transfer.ts';
import type { LiveCall } from './types.ts';

export type CallAction = 'hold' | 'retrieve' | 'hangup' | 'complete' | 'cancel' | 'conference';

function ownCall(rt: TelephonyRuntime, callId: string, agentId: string): LiveCall {
  const call = rt.calls.get(callId);
  if (!call || call.state.status.kind === 'ended' || call.agentId !== agentId)
    throw new AppError('RS_NOT_FOUND');
  return call;
}

const conflict = (what: string) => new AppError('RS_CONFLICT', `Cannot ${what} in the call's current state`);

export async function callAction(
  rt: TelephonyRuntime,
  callId: string,
  agentId: string,
  action: CallAction,
): Promise<void> {
  await rt.run(async () => {
    const dial = rt.dials.get(callId);
    // Hanging up a leg the far end hung up a moment ago is done already; a PBX failure is the agent's to see.
    if (dial && dial.agentId === agentId && action === 'hangup') {
      await ignoreGone(rt.pbx.hangup(dial.agentChannel));
      return;
    }
    const call = ownCall(rt, callId, agentId);
    const now = rt.now();
    switch (action) {
      case 'hold':
        if (!(await rt.ops.applyCall(call, { type: 'hold', now }))) throw conflict('hold');
        return;
      case 'retrieve':
        if (!(await rt.ops.applyCall(call, { type: 'unhold', now }))) throw conflict('retrieve');
        return;
      case 'hangup':
        if (call.agentChannel) await ignoreGone(rt.pbx.hangup(call.agentChannel));
        return;
      case 'complete':
        if (!call.consult?.answered) throw conflict('complete the transfer');
        return completeTransfer(rt, call);
      case 'cancel':
        if (!call.consult) throw conflict('cancel the transfer');
        return cancelTransfer(rt, call);
      case 'conference':
        if (!(await conference(rt, call))) throw conflict('start a conference');
        return;
    }
  });
}

function targetOf(rt: TelephonyRuntime, body: TransferBody, agentId: string): TransferTarget {
  const { kind, value } = body.target;
  const bad = (message: string) =>
    new AppError('RS_VALIDATION', undefined, [{ path: 'target/value', message }]);
  if (kind === 'queue') {
    if (!rt.queues.has(value)) throw bad('no such queue');
    if (body.mode === 'attended')
      throw new AppError('RS_VALIDATION', undefined, [
        { path: 'mode', message: 'a queue takes blind transfers only' },
      ]);
    return { kind: 'queue', queueId: value };
  }
  if (kind === 'agent') {
    if (!/^[0-9a-f-]{36}$/i.test(value) || value === agentId) throw bad('not another agent');
    return { kind: 'agent', agentId: value };
  }
  if (!/^\+?[0-9]{2,20}$/.test(value)) throw bad('not a phone number');
  return { kind: 'external', number: value };
}

export async function transferCall(
  rt: TelephonyRuntime,
  callId: string,
  agentId: string,
  body: TransferBody,
): Promise<void> {
  await rt.run(async () => {
    const call = ownCall(rt, callId, agentId);
    const target = targetOf(rt, body, agentId);
    if (!(await rt.ops.applyCall(call, { type: 'transfer', mode: body.mode, target, now: rt.now() })))
      throw conflict('transfer');
  });
}

/** Wrap-up submitted: the agent is free again (or goes to the pause they booked during the call). */
export async function wrapUpDone(rt: TelephonyRuntime, agentId: string, callId: string): Promise<void> {
  await rt.run(async () => {
    const s = rt.agentState(agentId).status;
    if (s.kind === 'wrapUp' && s.callId === callId)
      await rt.ops.applyAgent(agentId, { type: 'wrapUpDone', now: rt.now() });
  });
}
