// Pause/resume of a call recording on the real Asterisk: the agent (a Local channel playing a 440 Hz
// tone) is bridged with a caller in a recorded queue; the agent pauses the recording for ~2 s and
// resumes it. The wav in the recording spool must be silent over the logged paused span and carry the
// tone everywhere else (RMS per 100 ms window), and the file must run as long as the call (the span is
// silence, not cut out). Every pause and resume is logged (who, when, offset) and audited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavLayout } from '../../../server/src/modules/recordings/wav.ts';
import { eventually, finalCall, listen, placeCall, setupQueue, telephonyWorld, type Setup, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
let s: Setup;
const sockets: { close(): void }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  w = await telephonyWorld();
  s = await setupQueue(w, { agents: 2, tag: 'recpause' });
}, 120_000);
afterAll(async () => {
  for (const so of sockets) so.close();
  await w?.close();
}, 30_000);

/** RMS of 16-bit mono samples per window of `ms`. */
function rmsWindows(file: string, ms: number): number[] {
  const buf = readFileSync(file);
  const l = readWavLayout(buf);
  const per = (l.sampleRate * ms) / 1000;
  const n = Math.floor(l.dataLength / 2);
  const out: number[] = [];
  for (let i = 0; i + per <= n; i += per) {
    let sum = 0;
    for (let j = 0; j < per; j++) {
      const v = buf.readInt16LE(l.dataOffset + (i + j) * 2);
      sum += v * v;
    }
    out.push(Math.sqrt(sum / per));
  }
  return out;
}

describe('recording pause/resume from the agent console', () => {
  it('leaves silence in the file for the paused span, tone elsewhere, and logs who/when/offset', async () => {
    const [agent, other] = s.agents as [Setup['agents'][0], Setup['agents'][0]];
    const sock = await listen(w.server, agent.api);
    sockets.push(sock.socket);
    expect((await agent.api.post('/api/agent/sign-in')).body).toMatchObject({ state: 'ready' });
    await placeCall(w, s.did, '13900139000');
    const offer = await eventually(async () => sock.events.find((e) => e.name === 'call:offer'), 10_000, 'call:offer');
    const callId = offer.payload.callId as string;
    await eventually(async () => (await agent.api.get(`/api/calls/${callId}/recording`)).body.recording === true, 10_000, 'the call to be recorded');

    await sleep(1500);
    const paused = await agent.api.post(`/api/calls/${callId}/recording/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ recording: true, paused: true });
    expect((await agent.api.post(`/api/calls/${callId}/recording/pause`)).status).toBe(409);
    // Not their call: nothing to pause (and nothing leaks that it exists).
    expect((await other.api.post(`/api/calls/${callId}/recording/resume`)).status).toBe(404);
    expect((await agent.api.get(`/api/calls/${callId}/recording`)).body).toMatchObject({ paused: true });
    await sleep(2000);
    const resumed = await agent.api.post(`/api/calls/${callId}/recording/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ paused: false });
    await sleep(2000);
    expect((await agent.api.post(`/api/calls/${callId}/hangup`)).status).toBe(204);

    const row = await finalCall(s.admin, callId);
    const recId = row.recordingId as string;
    const pg = w.server.app.pg;
    const [rec] = await eventually(async () => {
      const r = await pg<{ name: string; duration_sec: number; started_at: Date; ended_at: Date }[]>`
        select r.name, r.duration_sec, r.started_at, r.ended_at from recordings r
        where r.id = ${recId} and exists (select 1 from recording_pauses p where p.recording_id = r.id and p.silenced_at is not null)`;
      return r.length ? r : undefined;
    }, 15_000, 'the paused span to be written back as silence');
    const [p] = await pg<{ paused_by: string; resumed_by: string; pause_offset_ms: number; resume_offset_ms: number; paused_at: Date; resumed_at: Date }[]>`
      select paused_by, resumed_by, pause_offset_ms, resume_offset_ms, paused_at, resumed_at from recording_pauses where recording_id = ${recId}`;
    expect(p).toMatchObject({ paused_by: agent.id, resumed_by: agent.id });
    const span = p!.resume_offset_ms - p!.pause_offset_ms;
    expect(span).toBeGreaterThanOrEqual(1900);
    expect(span).toBeLessThan(2600);
    expect(p!.pause_offset_ms).toBeGreaterThanOrEqual(1300);

    const windows = rmsWindows(join(w.server.config.RECORDINGS_DIR, `${rec!.name}.wav`), 100);
    const fileMs = windows.length * 100;
    // The file runs as long as the call was recorded: the 2 s are in it (a cut file would be ~2 s shorter).
    const wallMs = new Date(rec!.ended_at).getTime() - new Date(rec!.started_at).getTime();
    expect(fileMs).toBeGreaterThan(wallMs - 600);
    expect(fileMs).toBeGreaterThan(4500);
    const margin = 200;
    const inPause = windows.filter((_, i) => i * 100 >= p!.pause_offset_ms + margin && (i + 1) * 100 <= p!.resume_offset_ms - margin);
    const before = windows.filter((_, i) => i * 100 >= 300 && (i + 1) * 100 <= p!.pause_offset_ms - margin);
    const after = windows.filter((_, i) => i * 100 >= p!.resume_offset_ms + margin && (i + 1) * 100 <= fileMs - 300);
    expect(inPause.length).toBeGreaterThanOrEqual(14);
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(after.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...inPause)).toBeLessThan(1);
    expect(Math.min(...before)).toBeGreaterThan(500);
    expect(Math.min(...after)).toBeGreaterThan(500);

    // The waveform marks the span too, and the actions are in the audit log.
    const wave = await s.admin.get<{ durationMs: number; peaks: number[]; pauses: { pausedBy: string; pauseOffsetMs: number }[] }>(`/api/recordings/${recId}/waveform?buckets=100`);
    expect(wave.status).toBe(200);
    expect(wave.body.pauses).toEqual([expect.objectContaining({ pausedBy: agent.id, pauseOffsetMs: p!.pause_offset_ms })]);
    const mid = Math.floor(((p!.pause_offset_ms + p!.resume_offset_ms) / 2 / wave.body.durationMs) * 100);
    expect(wave.body.peaks[mid]).toBe(0);
    expect(wave.body.peaks[5]).toBeGreaterThan(0.02);
    const audit = await pg<{ action: string; actor_user_id: string }[]>`select action, actor_user_id from audit_log where entity_id = ${recId} and action like 'recording.%' order by id`;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['recording.pause', 'recording.resume']));
    expect(audit.filter((a) => a.action === 'recording.pause')[0]!.actor_user_id).toBe(agent.id);
    sock.socket.close();
  }, 90_000);

  it('a call that ends while paused keeps silence to the end of the file; the open pause is closed', async () => {
    const agent = s.agents[1]!;
    const sock = await listen(w.server, agent.api);
    sockets.push(sock.socket);
    expect((await agent.api.post('/api/agent/sign-in')).status).toBe(200);
    // The first agent may be ready again; make sure this call goes to the second one.
    await s.agents[0]!.api.post('/api/agent/sign-out');
    await eventually(async () => (await s.agents[0]!.api.get('/api/agent/state')).body.state === 'signedOut', 10_000, 'the first agent signed out');
    await placeCall(w, s.did, '13900139001');
    const offer = await eventually(async () => sock.events.find((e) => e.name === 'call:offer'), 10_000, 'call:offer');
    const callId = offer.payload.callId as string;
    await eventually(async () => (await agent.api.get(`/api/calls/${callId}/recording`)).body.recording === true, 10_000, 'the call to be recorded');
    await sleep(2000);
    expect((await agent.api.post(`/api/calls/${callId}/recording/pause`)).status).toBe(200);
    await sleep(2000);
    expect((await agent.api.post(`/api/calls/${callId}/hangup`)).status).toBe(204);
    const row = await finalCall(s.admin, callId);
    const recId = row.recordingId as string;
    const pg = w.server.app.pg;
    const [p] = await eventually(async () => {
      const r = await pg<{ name: string; resumed_by: string | null; pause_offset_ms: number; resume_offset_ms: number }[]>`
        select r.name, p.resumed_by, p.pause_offset_ms, p.resume_offset_ms from recording_pauses p join recordings r on r.id = p.recording_id
        where p.recording_id = ${recId} and p.silenced_at is not null`;
      return r.length ? r : undefined;
    }, 15_000, 'the open pause to be closed and silenced');
    expect(p!.resumed_by).toBeNull();
    expect(p!.resume_offset_ms - p!.pause_offset_ms).toBeGreaterThanOrEqual(1800);
    const windows = rmsWindows(join(w.server.config.RECORDINGS_DIR, `${p!.name}.wav`), 100);
    expect(windows.length * 100).toBeGreaterThan(p!.resume_offset_ms - 400);
    const tail = windows.filter((_, i) => i * 100 >= p!.pause_offset_ms + 200);
    const head = windows.filter((_, i) => i * 100 >= 300 && (i + 1) * 100 <= p!.pause_offset_ms - 200);
    expect(tail.length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...tail)).toBeLessThan(1);
    expect(Math.min(...head)).toBeGreaterThan(500);
    sock.socket.close();
  }, 90_000);
});
