// startAmd against the real Asterisk: the channel takes the dialplan detour through AMD() and comes back
// into this test's app; the port reports one typed amdResult and no stasisEnd for the detour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ignoreGone, type AmdVerdict, type PbxEvent, type PbxEventOf } from '@ringside/pbx';
import { connectAdapter, pbxReady, uniqueApp, type Recorder } from './support.ts';

let rec: Recorder;

beforeAll(async () => {
  rec = await connectAdapter(await pbxReady(), uniqueApp('rs-it-amd'));
}, 180_000);
afterAll(() => rec?.adapter.close());

const VERDICTS: AmdVerdict[] = ['human', 'machine', 'notsure', 'hangup'];
const mine = (channelId: string) => (e: PbxEvent) => 'channelId' in e && e.channelId === channelId;

describe('answering-machine detection through the port', () => {
  it.each(['answer', 'tone'])(
    'gives a typed verdict for a far end that answers with %s, and the channel is ours again',
    async (exten) => {
      const { channelId } = await rec.adapter.originate({
        target: { kind: 'address', address: `Local/${exten}@ringside-test` },
        appArgs: ['dialer', 'it-amd'],
        timeoutSec: 10,
      });
      await rec.next((e) => e.type === 'callEntered' && e.channelId === channelId);
      const before = rec.events.length;
      await rec.adapter.startAmd(channelId);
      // AMD gives up after total_analysis_time (5 s, pbx/asterisk/amd.conf).
      const result = (await rec.next(
        (e) => e.type === 'amdResult' && e.channelId === channelId,
        15_000,
      )) as PbxEventOf<'amdResult'>;
      expect(VERDICTS).toContain(result.verdict);
      expect(typeof result.detail).toBe('string');
      const during = rec.events
        .slice(before)
        .filter(mine(channelId))
        .map((e) => e.type);
      expect(during).not.toContain('stasisEnd');
      expect(during).not.toContain('callEntered');

      // Back in the app: commands work, and leaving it now is reported again.
      await rec.adapter.setVariable(channelId, 'IT_BACK', '1');
      await rec.adapter.hangup(channelId);
      await rec.next((e) => e.type === 'channelDestroyed' && e.channelId === channelId);
      const after = rec.events
        .slice(before)
        .filter(mine(channelId))
        .map((e) => e.type);
      expect(after.filter((t) => t === 'stasisEnd')).toHaveLength(1);
      expect(after.indexOf('amdResult')).toBeLessThan(after.indexOf('stasisEnd'));
    },
    30_000,
  );

  it('reports the channel destroyed when it hangs up during detection', async () => {
    const { channelId } = await rec.adapter.originate({
      target: { kind: 'address', address: 'Local/answer@ringside-test' },
      appArgs: ['dialer', 'it-amd-gone'],
      timeoutSec: 10,
    });
    await rec.next((e) => e.type === 'callEntered' && e.channelId === channelId);
    const before = rec.events.length;
    await rec.adapter.startAmd(channelId);
    await ignoreGone(rec.adapter.hangup(channelId));
    await rec.next((e) => e.type === 'channelDestroyed' && e.channelId === channelId);
    const during = rec.events
      .slice(before)
      .filter(mine(channelId))
      .map((e) => e.type);
    expect(during).not.toContain('stasisEnd');
    expect(during).not.toContain('callEntered');
  });

  it('rejects not-found for a channel that is gone', async () => {
    await expect(rec.adapter.startAmd('no-such-channel')).rejects.toMatchObject({ code: 'not-found' });
  });
});
