// What the call routes (modules/calls, modules/recordings) may ask of telephony: the console's controls
// on the agent's own live call, the end of their wrap-up, click-to-dial, and pause/resume of the call's
// recording. Each is one step of the runtime's chain (called from a route, never from inside a step).
import type { TransferBody } from '../../contracts/telephony.ts';
import { callAction, transferCall, wrapUpDone, type CallAction } from './call-controls.ts';
import { dialPop, startClickToDial } from './click-to-dial.ts';
import { recordingPauseState, setRecordingPaused, type RecordingPauseState } from './recording-pause.ts';
import type { TelephonyRuntime } from './runtime.ts';

export type { CallAction, RecordingPauseState };

export class CallsFacade {
  constructor(private readonly rt: TelephonyRuntime) {}

  /** hold, retrieve, hangup, complete/cancel a transfer, conference — by the agent on the call. */
  control(callId: string, agentId: string, action: CallAction): Promise<void> {
    return callAction(this.rt, callId, agentId, action);
  }

  transfer(callId: string, agentId: string, body: TransferBody): Promise<void> {
    return transferCall(this.rt, callId, agentId, body);
  }

  /** The agent submitted the wrap-up of callId: free again (or the pause they booked). */
  wrapUpDone(agentId: string, callId: string): Promise<void> {
    return wrapUpDone(this.rt, agentId, callId);
  }

  /** Click-to-dial: rings the agent's phone, then the number; resolves with the call's id. */
  async dial(agentId: string, number: string, partyId?: string): Promise<string> {
    // The pop is a database read: looked up before entering the chain, which no read should hold up.
    const pop = await dialPop(this.rt, number, partyId);
    const { id, written } = await this.rt.run(() => startClickToDial(this.rt, agentId, number, pop));
    // The row is written behind the call path; the API answers once it exists, so GET /api/calls/:id works.
    await written;
    return id;
  }

  recordingState(callId: string, userId: string): Promise<RecordingPauseState> {
    return recordingPauseState(this.rt, callId, userId);
  }

  /** Pauses (true) or resumes the recording of the user's own live call; audited. */
  setRecordingPaused(
    callId: string,
    userId: string,
    paused: boolean,
    ip: string | null,
  ): Promise<RecordingPauseState> {
    return setRecordingPaused(this.rt, callId, userId, paused, ip);
  }
}
