// Every phase × event of the dial attempt reducer, then whole sequences. Long on purpose: one table of
// cases per phase reads better side by side than spread over files.
import { describe, expect, it } from 'vitest';
import { reduceAttempt, startAttempt } from './attempt-machine.ts';
import { AMD_TIMEOUT_MS, MESSAGE_LIMIT_MS, RING_MARGIN_MS } from './attempt-steps.ts';
import type {
  AttemptCommand,
  AttemptEvent,
  AttemptPhase,
  AttemptSetup,
  AttemptState,
  LearnerNote,
} from './attempt-types.ts';

const setup = (over: Partial<AttemptSetup> = {}): AttemptSetup => ({
  amd: false,
  machineAction: 'message',
  recordCalls: false,
  previewAgentId: null,
  callbackAgentId: null,
  ringTimeoutMs: 15_000,
  ...over,
});

function start(over: Partial<AttemptSetup> = {}) {
  return startAttempt({
    callId: 'c1',
    campaignId: 'k1',
    recordId: 'r1',
    channelId: 'dialer-1',
    setup: setup(over),
    now: 0,
  });
}

/** Feeds events in order; fails on a rejection. Returns the state, the path of phases and every command. */
function run(events: AttemptEvent[], over: Partial<AttemptSetup> = {}, from?: AttemptState) {
  let state = from ?? start(over).state;
  const path: string[] = [];
  const commands: AttemptCommand[] = [];
  for (const e of events) {
    const step = reduceAttempt(state, e);
    if (!step.ok) throw new Error(`${e.type} rejected in ${state.phase}: ${step.rejection.code}`);
    state = step.state;
    commands.push(...step.commands);
    if (step.transition) path.push(`${step.transition.from}→${step.transition.to}`);
  }
  const notes = commands
    .filter((c): c is Extract<AttemptCommand, { type: 'learn' }> => c.type === 'learn')
    .map((c) => c.note);
  const settles = commands.filter((c) => c.type === 'settle');
  return { state, path, commands, notes, settles, types: commands.map((c) => c.type) };
}

const hungup = (
  now: number,
  cause: number | null = 16,
  pbxOutcome: Extract<AttemptEvent, { type: 'hungup' }>['pbxOutcome'] = 'answered-normal',
): AttemptEvent => ({ type: 'hungup', cause, pbxOutcome, now });
const tick = (now: number): AttemptEvent => ({ type: 'tick', now });

/** An attempt brought to a phase the way the dialer would, and the time it got there. */
function reach(phase: AttemptPhase): { state: AttemptState; at: number } {
  const amdOn = phase === 'amd' || phase === 'machine';
  const paths: Record<AttemptPhase, AttemptEvent[]> = {
    ringing: [],
    amd: [{ type: 'answered', now: 1_000 }],
    waiting: [{ type: 'answered', now: 1_000 }],
    offered: [
      { type: 'answered', now: 1_000 },
      { type: 'offered', agentId: 'a1', now: 1_050 },
    ],
    connected: [
      { type: 'answered', now: 1_000 },
      { type: 'offered', agentId: 'a1', now: 1_050 },
      { type: 'agentConnected', now: 1_500 },
    ],
    machine: [
      { type: 'answered', now: 1_000 },
      { type: 'amdResult', verdict: 'machine', detail: 'LONGGREETING', now: 4_000 },
    ],
    abandoning: [{ type: 'answered', now: 1_000 }, { type: 'offerRefused', now: 1_010 }, tick(3_000)],
    done: [hungup(1_000, 17, 'busy')],
  };
  const events = paths[phase];
  const { state } = run(events, { amd: amdOn });
  expect(state.phase).toBe(phase);
  return { state, at: events.at(-1)?.now ?? 0 };
}

const PHASES: AttemptPhase[] = [
  'ringing',
  'amd',
  'waiting',
  'offered',
  'connected',
  'machine',
  'abandoning',
  'done',
];
const sample = (now: number): AttemptEvent[] => [
  { type: 'originated', now },
  { type: 'originateFailed', now },
  { type: 'answered', now },
  { type: 'amdResult', verdict: 'human', detail: 'HUMAN-1', now },
  { type: 'offered', agentId: 'a1', now },
  { type: 'offerRefused', now },
  { type: 'agentConnected', now },
  { type: 'handedCallEnded', reachedAgent: true, agentId: 'a1', talkMs: 9_000, cause: 16, now },
  { type: 'takeBackResult', back: true, now },
  { type: 'messagePlaying', playbackId: 'p1', now },
  { type: 'playbackFinished', heard: true, now },
  hungup(now),
  tick(now),
  { type: 'resume', channelAlive: true, callLive: true, now },
];

const R = 'rejected';
// Next phase for each event (in sample's order), 100 ms after the phase was reached (inside the 2 s grace).
const TABLE: Record<AttemptPhase, (AttemptPhase | typeof R)[]> = {
  // columns: originated, originateFailed, answered, amdResult, offered, offerRefused, agentConnected,
  // handedCallEnded, takeBackResult, messagePlaying, playbackFinished, hungup, tick, resume (as sample() lists them)
  ringing: ['ringing', 'done', 'waiting', R, R, R, R, R, R, R, R, 'done', 'ringing', 'ringing'],
  amd: [R, R, R, 'waiting', R, R, R, R, R, R, R, 'done', 'amd', 'amd'],
  waiting: [R, R, R, R, 'offered', 'waiting', R, R, R, R, R, 'done', 'waiting', 'abandoning'],
  offered: [R, R, R, R, R, R, 'connected', 'done', R, R, R, 'offered', 'offered', 'offered'],
  connected: [R, R, R, R, R, R, R, 'done', R, R, R, 'connected', 'connected', 'connected'],
  machine: [R, R, R, R, R, R, R, R, R, 'machine', 'machine', 'done', 'machine', 'machine'],
  abandoning: [R, R, R, R, R, R, R, R, R, 'abandoning', 'abandoning', 'done', 'abandoning', 'abandoning'],
  done: [R, R, R, R, R, R, R, R, R, R, R, R, R, R],
};

describe('dial attempt machine: every phase × event', () => {
  for (const phase of PHASES) {
    it(`${phase}: ${TABLE[phase].join(', ')}`, () => {
      const { state, at } = reach(phase);
      const got = sample(at + 100).map((e) => {
        const step = reduceAttempt(state, e);
        if (!step.ok) {
          expect(step.rejection).toEqual({
            code: phase === 'done' ? 'RS_DIAL_DONE' : 'RS_DIAL_INVALID_TRANSITION',
            event: e.type,
            phase,
          });
          expect(step.state).toBe(state);
          return R;
        }
        // Whatever happened, exactly the done transitions carry the one settle (or the record's release).
        const ends = step.commands.filter((c) => c.type === 'settle' || c.type === 'releaseRecord');
        expect(ends).toHaveLength(step.state.phase === 'done' ? 1 : 0);
        return step.state.phase;
      });
      expect(got).toEqual(TABLE[phase]);
    });
  }
});

describe('dial attempt machine: sequences', () => {
  it('claims the leg before the originate', () => {
    expect(start().commands).toEqual([{ type: 'claimLeg' }, { type: 'originate' }]);
  });

  it('answer → offered → connected → ended: the agent talked, one settle with the agent', () => {
    const r = run(
      [
        { type: 'originated', now: 50 },
        { type: 'answered', now: 1_000 },
        { type: 'offered', agentId: 'a1', now: 1_030 },
        { type: 'agentConnected', now: 1_600 },
        {
          type: 'handedCallEnded',
          reachedAgent: true,
          agentId: 'a1',
          talkMs: 30_000,
          cause: 16,
          now: 31_600,
        },
      ],
      { recordCalls: true },
    );
    expect(r.path).toEqual(['ringing→waiting', 'waiting→offered', 'offered→connected', 'connected→done']);
    expect(r.types).toEqual([
      'learn',
      'offerToAgent',
      'handedOver',
      'learn',
      'countConnect',
      'recordCall',
      'learn',
      'settle',
    ]);
    expect(r.notes).toEqual<LearnerNote[]>([
      { kind: 'dialResolved', resolution: 'answered', ageSec: 1 },
      { kind: 'liveAnswerSettled', outcome: 'connected', atSec: 1.6 },
      { kind: 'talkEnded', talkSec: 30 },
    ]);
    expect(r.settles).toEqual([
      { type: 'settle', outcome: 'answered', cause: 16, agentId: 'a1', writeCallRow: false },
    ]);
    expect(r.state).toMatchObject({
      outcome: 'answered',
      endedAt: 31_600,
      answeredAt: 1_000,
      liveSince: 1_000,
      agentId: 'a1',
    });
  });

  it('AMD machine with the message: played to its end, then our hang-up; outcome machine, no false positive', () => {
    const r = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'amdResult', verdict: 'machine', detail: 'LONGGREETING-1500-1500', now: 4_000 },
        { type: 'messagePlaying', playbackId: 'pb1', now: 4_050 },
        { type: 'playbackFinished', heard: true, now: 15_000 },
        hungup(15_100),
      ],
      { amd: true },
    );
    expect(r.path).toEqual(['ringing→amd', 'amd→machine', 'machine→done']);
    expect(r.types).toEqual(['startAmd', 'learn', 'playMessage', 'hangup', 'releaseLeg', 'settle']);
    expect(r.commands).toContainEqual({ type: 'playMessage', prompt: 'machine' });
    expect(r.notes).toEqual([{ kind: 'dialResolved', resolution: 'machine', ageSec: 4 }]);
    expect(r.settles).toEqual([
      { type: 'settle', outcome: 'machine', cause: 16, agentId: null, writeCallRow: true },
    ]);
    expect(r.state).toMatchObject({
      amd: 'MACHINE',
      amdDetail: 'LONGGREETING-1500-1500',
      heardMessage: true,
      playbackId: 'pb1',
    });
  });

  it('AMD machine that hangs up during the message is an AMD false positive; amd_action hangup hangs up at once', () => {
    const early = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'amdResult', verdict: 'machine', detail: '', now: 4_000 },
        hungup(6_000),
      ],
      { amd: true },
    );
    expect(early.notes.at(-1)).toEqual({ kind: 'liveAnswerSettled', outcome: 'amdFalsePositive', atSec: 6 });
    const hang = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'amdResult', verdict: 'machine', detail: '', now: 4_000 },
        hungup(4_100),
      ],
      { amd: true, machineAction: 'hangup' },
    );
    expect(hang.types).toEqual(['startAmd', 'learn', 'hangup', 'releaseLeg', 'settle']);
    expect(hang.notes).toHaveLength(1);
    expect(hang.settles[0]).toMatchObject({ outcome: 'machine' });
  });

  it('AMD human (and not sure) goes live at the verdict: answer time measured there, then offered', () => {
    const human = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'amdResult', verdict: 'human', detail: 'HUMAN-200', now: 3_500 },
      ],
      { amd: true },
    );
    expect(human.path).toEqual(['ringing→amd', 'amd→waiting']);
    expect(human.types).toEqual(['startAmd', 'learn', 'offerToAgent']);
    expect(human.notes).toEqual([{ kind: 'dialResolved', resolution: 'answered', ageSec: 3.5 }]);
    expect(human.state).toMatchObject({ amd: 'HUMAN', liveSince: 3_500, answeredAt: 1_000, offering: true });
    const unsure = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'amdResult', verdict: 'notsure', detail: 'TOOLONG', now: 6_000 },
      ],
      { amd: true },
    );
    expect(unsure.state).toMatchObject({ phase: 'waiting', amd: 'NOTSURE' });
  });

  it('AMD that never answers: the deadline hangs up, the end settles it as answered', () => {
    const r = run(
      [
        { type: 'answered', now: 1_000 },
        tick(1_000 + AMD_TIMEOUT_MS - 1),
        tick(1_000 + AMD_TIMEOUT_MS),
        tick(1_000 + AMD_TIMEOUT_MS + 200),
        hungup(9_500),
      ],
      { amd: true },
    );
    expect(r.types).toEqual(['startAmd', 'hangup', 'releaseLeg', 'settle']);
    expect(r.settles[0]).toMatchObject({ outcome: 'answered' });
    const heardHangup = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'amdResult', verdict: 'hangup', detail: '', now: 2_000 },
        hungup(2_010),
      ],
      { amd: true },
    );
    expect(heardHangup.types).toEqual(['startAmd', 'hangup', 'releaseLeg', 'settle']);
    expect(heardHangup.state).toMatchObject({ amd: 'HANGUP', outcome: 'answered' });
  });

  it('grace over while offered → takeBack → the abandon message → our hang-up → done (abandoned, counted)', () => {
    const r = run([
      { type: 'answered', now: 1_000 },
      { type: 'offered', agentId: 'a1', now: 1_020 },
      tick(2_999),
      tick(3_000),
      tick(3_200), // the take-back is running: not asked twice
      { type: 'takeBackResult', back: true, now: 3_210 },
      { type: 'messagePlaying', playbackId: 'pb9', now: 3_260 },
      { type: 'playbackFinished', heard: true, now: 14_000 },
      hungup(14_050),
    ]);
    expect(r.path).toEqual(['ringing→waiting', 'waiting→offered', 'offered→abandoning', 'abandoning→done']);
    expect(r.types).toEqual([
      'learn',
      'offerToAgent',
      'handedOver',
      'takeBack',
      'claimLeg',
      'learn',
      'playMessage',
      'hangup',
      'releaseLeg',
      'settle',
    ]);
    expect(r.commands).toContainEqual({ type: 'playMessage', prompt: 'abandon' });
    expect(r.notes.at(-1)).toEqual({ kind: 'liveAnswerSettled', outcome: 'abandoned', atSec: 3.21 });
    expect(r.settles).toEqual([
      { type: 'settle', outcome: 'abandoned', cause: 16, agentId: null, writeCallRow: true },
    ]);
    expect(r.state.heardMessage).toBe(true);
    // The call taken back ends in telephony as abandoned: that is this abandon, not a second end.
    const ended = reduceAttempt(
      run([
        { type: 'answered', now: 1_000 },
        { type: 'offered', agentId: 'a1', now: 1_020 },
        tick(3_000),
        { type: 'takeBackResult', back: true, now: 3_010 },
      ]).state,
      {
        type: 'handedCallEnded',
        reachedAgent: false,
        agentId: null,
        talkMs: null,
        cause: null,
        now: 3_020,
      },
    );
    expect(ended.ok).toBe(false);
  });

  it('a take-back refused (the agent answered in that instant) waits for the connect; no second take-back', () => {
    const r = run([
      { type: 'answered', now: 1_000 },
      { type: 'offered', agentId: 'a1', now: 1_020 },
      tick(3_000),
      { type: 'takeBackResult', back: false, now: 3_010 },
      tick(3_200),
      { type: 'agentConnected', now: 3_020 },
    ]);
    expect(r.types.filter((t) => t === 'takeBack')).toHaveLength(1);
    expect(r.state.phase).toBe('connected');
  });

  it('no agent within 2 s of the answer: offered again on every tick, then abandoned with the message', () => {
    const r = run([
      { type: 'answered', now: 1_000 },
      { type: 'offerRefused', now: 1_005 },
      tick(1_200),
      tick(1_300),
      { type: 'offerRefused', now: 1_310 },
      tick(1_400),
      { type: 'offerRefused', now: 1_410 },
      tick(3_000),
    ]);
    expect(r.types).toEqual([
      'learn',
      'offerToAgent',
      'offerToAgent',
      'offerToAgent',
      'learn',
      'playMessage',
    ]);
    expect(r.state).toMatchObject({ phase: 'abandoning', deadline: 3_000 + MESSAGE_LIMIT_MS });
    // The refusal that comes back after the grace abandons at once.
    const late = run([
      { type: 'answered', now: 1_000 },
      { type: 'offerRefused', now: 3_100 },
    ]);
    expect(late.state.phase).toBe('abandoning');
  });

  it('a message whose end never comes is cut at its deadline', () => {
    const { state } = reach('abandoning');
    const r = run(
      [
        tick(state.deadline! - 1),
        tick(state.deadline!),
        tick(state.deadline! + 1),
        { type: 'playbackFinished', heard: false, now: state.deadline! + 5 },
        hungup(state.deadline! + 10),
      ],
      {},
      state,
    );
    expect(r.types).toEqual(['hangup', 'releaseLeg', 'settle']);
    expect(r.state).toMatchObject({ outcome: 'abandoned', heardMessage: false });
  });

  it('preview has no 2 s rule: the dialing agent is offered the answer again and again, never abandoned', () => {
    const r = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'offerRefused', now: 1_010 },
        tick(9_000),
        { type: 'offerRefused', now: 9_010 },
        tick(20_000),
        { type: 'offered', agentId: 'p1', now: 20_010 },
        tick(40_000),
      ],
      { previewAgentId: 'p1' },
    );
    expect(r.commands.filter((c) => c.type === 'offerToAgent')).toEqual(
      Array(3).fill({ type: 'offerToAgent', agentId: 'p1' }),
    );
    expect(r.types).not.toContain('takeBack');
    expect(r.types).not.toContain('playMessage');
    expect(r.state.phase).toBe('offered');
  });

  it("a callback's answer goes only to its agent", () => {
    expect(run([{ type: 'answered', now: 1_000 }], { callbackAgentId: 'cb' }).commands).toContainEqual({
      type: 'offerToAgent',
      agentId: 'cb',
    });
  });

  it('the originate failing releases the record and the leg; nothing is settled', () => {
    const r = run([{ type: 'originateFailed', now: 10 }]);
    expect(r.types).toEqual(['releaseLeg', 'releaseRecord']);
    expect(r.state).toMatchObject({ phase: 'done', outcome: null });
  });

  it('a ring whose end was lost is hung up after the ring timeout and a margin, then settles as no answer', () => {
    const at = 15_000 + RING_MARGIN_MS;
    const r = run([tick(at - 1), tick(at), tick(at + 100), hungup(at + 150)]);
    expect(r.types).toEqual(['hangup', 'releaseLeg', 'learn', 'settle']);
    expect(r.settles[0]).toMatchObject({ outcome: 'noAnswer' });
  });
});

describe('dial attempt machine: the called party hangs up', () => {
  it.each<[string, Extract<AttemptEvent, { type: 'hungup' }>['pbxOutcome'], number, string, string]>([
    ['busy', 'busy', 17, 'busy', 'busy'],
    ['no answer', 'no-answer', 19, 'noAnswer', 'noAnswer'],
    ['congestion', 'congestion', 34, 'congestion', 'failed'],
    ['unallocated', 'unallocated', 1, 'unallocated', 'failed'],
    ['rejected', 'rejected', 21, 'failed', 'failed'],
  ])(
    'while ringing (%s): outcome from the cause, the pacing model told',
    (_, pbx, cause, outcome, resolution) => {
      const r = run([hungup(8_000, cause, pbx)]);
      expect(r.settles).toEqual([{ type: 'settle', outcome, cause, agentId: null, writeCallRow: true }]);
      expect(r.notes).toEqual([{ kind: 'dialResolved', resolution, ageSec: 8 }]);
    },
  );

  it('in AMD: answered, the leg released, nothing for the pacing model', () => {
    const r = run([hungup(1_500)], {}, reach('amd').state);
    expect(r.types).toEqual(['releaseLeg', 'settle']);
    expect(r.settles[0]).toMatchObject({ outcome: 'answered', writeCallRow: true });
  });

  it('while waiting inside the grace: answered, a live answer (not our abandon)', () => {
    const r = run([hungup(1_500)], {}, reach('waiting').state);
    expect(r.notes).toEqual([{ kind: 'liveAnswerSettled', outcome: 'connected', atSec: 1.5 }]);
    expect(r.settles[0]).toMatchObject({ outcome: 'answered', agentId: null });
  });

  it('while offered: telephony owns the call (it is told if the hang-up reached us); its end settles as answered without agent', () => {
    const { state } = reach('offered');
    const r = run(
      [
        hungup(1_200, 16),
        { type: 'handedCallEnded', reachedAgent: false, agentId: null, talkMs: 0, cause: 16, now: 1_210 },
      ],
      {},
      state,
    );
    expect(r.types).toEqual(['endHandedOverCall', 'learn', 'settle']);
    expect(r.notes).toEqual([{ kind: 'liveAnswerSettled', outcome: 'connected', atSec: 1.21 }]);
    expect(r.settles).toEqual([
      { type: 'settle', outcome: 'answered', cause: 16, agentId: null, writeCallRow: false },
    ]);
  });

  it('while connected: answered with the agent and the talk time', () => {
    const r = run(
      [
        {
          type: 'handedCallEnded',
          reachedAgent: true,
          agentId: 'a1',
          talkMs: 12_000,
          cause: null,
          now: 13_500,
        },
      ],
      {},
      reach('connected').state,
    );
    expect(r.notes).toEqual([{ kind: 'talkEnded', talkSec: 12 }]);
    expect(r.settles).toEqual([
      { type: 'settle', outcome: 'answered', cause: 16, agentId: 'a1', writeCallRow: false },
    ]);
  });

  it('during the abandon message: abandoned', () => {
    const r = run([hungup(4_000)], {}, reach('abandoning').state);
    expect(r.settles[0]).toMatchObject({ outcome: 'abandoned', writeCallRow: true });
  });
});

describe('dial attempt machine: resume after a restart', () => {
  const resume = (state: AttemptState, now: number, channelAlive: boolean, callLive = false) =>
    run([{ type: 'resume', channelAlive, callLive, now }], {}, state);

  it('ringing, channel alive: keeps waiting for its events with the leg claimed again', () => {
    const r = resume(reach('ringing').state, 5_000, true);
    expect(r.types).toEqual(['claimLeg']);
    expect(r.state.phase).toBe('ringing');
  });

  it('ringing, channel gone: no answer once the ring timeout passed, failed before', () => {
    expect(resume(reach('ringing').state, 20_000, false).settles).toEqual([
      { type: 'settle', outcome: 'noAnswer', cause: null, agentId: null, writeCallRow: true },
    ]);
    expect(resume(reach('ringing').state, 5_000, false).settles[0]).toMatchObject({ outcome: 'failed' });
  });

  it('amd, channel alive: waits for the verdict with a fresh deadline; gone: answered', () => {
    const alive = resume(reach('amd').state, 60_000, true);
    expect(alive.types).toEqual(['claimLeg']);
    expect(alive.state.deadline).toBe(60_000 + AMD_TIMEOUT_MS);
    expect(resume(reach('amd').state, 60_000, false).settles[0]).toMatchObject({
      outcome: 'answered',
      cause: null,
    });
  });

  it('waiting, channel alive: the grace is long over → abandoned with the message (counted); gone: abandoned', () => {
    const alive = resume(reach('waiting').state, 60_000, true);
    expect(alive.path).toEqual(['waiting→abandoning']);
    expect(alive.types).toEqual(['claimLeg', 'learn', 'playMessage']);
    expect(alive.notes).toEqual([{ kind: 'liveAnswerSettled', outcome: 'abandoned', atSec: 60 }]);
    const gone = resume(reach('waiting').state, 60_000, false);
    expect(gone.settles).toEqual([
      { type: 'settle', outcome: 'abandoned', cause: null, agentId: null, writeCallRow: true },
    ]);
    expect(gone.notes).toEqual([{ kind: 'liveAnswerSettled', outcome: 'abandoned', atSec: 60 }]);
  });

  it('waiting in preview, channel alive: offered to its agent again (no 2 s rule)', () => {
    const { state } = run(
      [
        { type: 'answered', now: 1_000 },
        { type: 'offerRefused', now: 1_010 },
      ],
      { previewAgentId: 'p1' },
    );
    const r = run(
      [{ type: 'resume', channelAlive: true, callLive: false, now: 60_000 }, tick(60_100)],
      {},
      state,
    );
    expect(r.types).toEqual(['claimLeg', 'offerToAgent']);
  });

  it('offered / connected while telephony still has the call: only the bookkeeping; its end settles', () => {
    const r = run(
      [
        { type: 'resume', channelAlive: true, callLive: true, now: 60_000 },
        {
          type: 'handedCallEnded',
          reachedAgent: true,
          agentId: 'a1',
          talkMs: 50_000,
          cause: 16,
          now: 70_000,
        },
      ],
      {},
      reach('offered').state,
    );
    expect(r.types).toEqual(['handedOver', 'learn', 'learn', 'settle']);
    expect(r.settles[0]).toMatchObject({ outcome: 'answered', agentId: 'a1' });
    expect(resume(reach('connected').state, 60_000, true, true).types).toEqual(['handedOver']);
  });

  it('offered while telephony lost the call: answered without agent, its channel hung up; connected keeps its agent', () => {
    const offered = resume(reach('offered').state, 60_000, true, false);
    expect(offered.types).toEqual(['hangup', 'releaseLeg', 'settle']);
    expect(offered.settles[0]).toMatchObject({
      outcome: 'answered',
      agentId: null,
      cause: null,
      writeCallRow: true,
    });
    const connected = resume(reach('connected').state, 60_000, false, false);
    expect(connected.types).toEqual(['releaseLeg', 'settle']);
    expect(connected.settles[0]).toMatchObject({ outcome: 'answered', agentId: 'a1' });
  });

  it('a take-back running at the crash can run again after the restart', () => {
    const { state } = run([tick(3_000)], {}, reach('offered').state);
    expect(state.takeBack).toBe('running');
    const r = run(
      [{ type: 'resume', channelAlive: true, callLive: true, now: 60_000 }, tick(60_100)],
      {},
      state,
    );
    expect(r.types).toEqual(['handedOver', 'takeBack']);
  });

  it('machine / abandoning, channel alive: listen for the playing message again, or play it; gone: machine / abandoned', () => {
    const playing = run(
      [{ type: 'messagePlaying', playbackId: 'pb1', now: 4_100 }],
      {},
      reach('machine').state,
    ).state;
    expect(resume(playing, 9_000, true).commands).toEqual([
      { type: 'claimLeg' },
      { type: 'claimPlayback', playbackId: 'pb1' },
    ]);
    expect(resume(reach('abandoning').state, 9_000, true).commands).toEqual([
      { type: 'claimLeg' },
      { type: 'playMessage', prompt: 'abandon' },
    ]);
    const hanging = run([{ type: 'playbackFinished', heard: true, now: 15_000 }], {}, playing).state;
    expect(resume(hanging, 16_000, true).commands).toEqual([{ type: 'claimLeg' }, { type: 'hangup' }]);
    expect(resume(playing, 9_000, false).settles[0]).toMatchObject({ outcome: 'machine', cause: null });
    expect(resume(reach('abandoning').state, 9_000, false).settles[0]).toMatchObject({
      outcome: 'abandoned',
      cause: null,
    });
  });

  it('a done attempt is not resumed', () => {
    const step = reduceAttempt(reach('done').state, {
      type: 'resume',
      channelAlive: true,
      callLive: true,
      now: 1,
    });
    expect(step.ok).toBe(false);
  });
});
