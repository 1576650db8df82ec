// The fake carrier and the trunk on the real Asterisk: every number pattern of dialplans/carrier.conf,
// originated over ARI through PJSIP/<number>@carrier, classified from the real ChannelDestroyed cause by
// the dialer's classification (server/src/core/dialer/attempt-classify.ts); and AMD through the port's
// startAmd (a dialplan detour inside the adapter) with its typed amdResult.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PbxEvent } from '@ringside/pbx';
import { outcomeOfUnanswered } from '../../../server/src/core/dialer/attempt-classify.ts';
import { connectAdapter, pbxReady, uniqueApp, type Recorder } from '../pbx/support.ts';

let rec: Recorder;
const app = uniqueApp('ringside-dialer-it');

beforeAll(async () => {
  const config = await pbxReady();
  rec = await connectAdapter(config, app);
}, 180_000);
afterAll(() => rec?.adapter.close());

type Destroyed = Extract<PbxEvent, { type: 'channelDestroyed' }>;
type Entered = Extract<PbxEvent, { type: 'callEntered' }>;
type AmdResult = Extract<PbxEvent, { type: 'amdResult' }>;

let seq = 0;
/** A Chinese-looking E.164 number (without '+') whose last five digits are `code`. */
function number(code: string): string {
  seq += 1;
  return `86208${String(seq).padStart(2, '0')}00${code}`;
}

async function dial(code: string, timeoutSec = 15): Promise<{ channelId: string; started: number }> {
  const channelId = `it-dial-${code}-${Date.now()}-${seq}`;
  const started = Date.now();
  await rec.adapter.originate({
    target: { kind: 'number', number: number(code), trunk: 'carrier' },
    channelId,
    appArgs: ['dialer', code],
    timeoutSec,
    callerId: { number: '862000000000' },
  });
  return { channelId, started };
}

const destroyed = (channelId: string, timeoutMs = 30_000) =>
  rec.next((e): e is Destroyed => e.type === 'channelDestroyed' && e.channelId === channelId, timeoutMs);
const amdResult = (channelId: string, timeoutMs = 15_000) =>
  rec.next((e): e is AmdResult => e.type === 'amdResult' && e.channelId === channelId, timeoutMs);
const entered = (channelId: string, pred: (e: Entered) => boolean = () => true, timeoutMs = 15_000) =>
  rec.next((e): e is Entered => e.type === 'callEntered' && e.channelId === channelId && pred(e), timeoutMs);

describe('fake carrier through the trunk', () => {
  it('classifies busy, congestion, unallocated and a 480 after ringing from the real causes', async () => {
    const busy = await dial('40000');
    const congestion = await dial('50000');
    const unallocated = await dial('60000');
    const ringThen480 = await dial('31003');
    const results = await Promise.all(
      [busy, congestion, unallocated, ringThen480].map((d) => destroyed(d.channelId)),
    );
    expect(results.map((r) => [r.cause, outcomeOfUnanswered(r.outcome)])).toEqual([
      [17, 'busy'],
      [34, 'congestion'],
      [1, 'unallocated'],
      [19, 'noAnswer'],
    ]);
    // 31xNN rings NN seconds before its 480.
    expect(Date.now() - ringThen480.started).toBeGreaterThanOrEqual(2_500);
  }, 40_000);

  it('gives up after the ring timeout (≥ 15 s) on a number that rings forever: cause 19, no answer', async () => {
    const d = await dial('30000', 15);
    const r = await destroyed(d.channelId, 30_000);
    expect(outcomeOfUnanswered(r.outcome)).toBe('noAnswer');
    expect(r.cause).toBe(19);
    expect(Date.now() - d.started).toBeGreaterThanOrEqual(14_500);
  }, 40_000);

  it('answers 2xxNN, talks NN seconds and hangs up normally (cause 16)', async () => {
    const d = await dial('20002');
    const e = await entered(d.channelId);
    expect(e.args).toEqual(['dialer', '20002']);
    const answeredAt = Date.now();
    const r = await destroyed(d.channelId, 15_000);
    expect(r.cause).toBe(16);
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(1_500);
  }, 30_000);

  it('AMD (startAmd): a long greeting (9xxxx) is a machine, a short hello (2xxNN) is a human; no stasisEnd for the detour', async () => {
    const machine = await dial('90000');
    const human = await dial('20009');
    await Promise.all([entered(machine.channelId), entered(human.channelId)]);
    for (const d of [machine, human]) await rec.adapter.startAmd(d.channelId);
    const [m, h] = await Promise.all([amdResult(machine.channelId), amdResult(human.channelId)]);
    expect(m).toMatchObject({ verdict: 'machine' });
    expect(h).toMatchObject({ verdict: 'human', detail: expect.stringMatching(/^HUMAN/) });
    const ids = [machine.channelId, human.channelId];
    expect(rec.events.some((e) => e.type === 'stasisEnd' && ids.includes(e.channelId))).toBe(false);
    await rec.adapter.hangup(machine.channelId);
    await rec.adapter.hangup(human.channelId);
  }, 40_000);
});
