// A telephony world for sequence tests (*.seq.test.ts): the real runtime (role.ts), the real dialer and the
// real PostgreSQL (a database cloned per test file from the integration project's template) over the
// in-memory FakePbx. Nothing here is imported by production code.
//
// Time is driven, never waited for: the runtime's clock is `world.clock`, and the runtimes' periodic ticks
// (telephony's tick, the dialer's pacing and attempt ticks) are setIntervals faked by vitest, fired by
// `tick()`. `idle()` waits until the world is quiet: the fake's deferred events delivered, both serial
// chains drained, the pop lookups and the call writer's database writes done.
//
// Assertions read `timeline()`: the PBX commands in order, with the socket.io emits interleaved where
// they happened, channels and bridges named by what they are (`caller1`, `alice:agent`, `talk:caller1`).
//
// One file despite its length: it is one object (the world) whose seeding, driving and reading helpers
// share its clock, its name table and its two runtimes; split, each part would reach into the others.
import { randomBytes } from 'node:crypto';
import type { PbxProvisioning } from '@ringside/pbx';
import { FakePbx } from '@ringside/pbx/fake';
import { eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { vi } from 'vitest';
import { createTestDatabase } from '../../../../../tests/support/db.ts';
import { loadConfig, readEnvFile, type Config } from '../../../config/index.ts';
import type { AgentEvent, AgentState } from '../../../core/agent/agent-types.ts';
import { createDb, type Db } from '../../../db/client.ts';
import { calls } from '../../../db/schema/calls.ts';
import { campaignAgents, campaignRecords, campaigns } from '../../../db/schema/campaigns.ts';
import { phoneNumbers } from '../../../db/schema/customers.ts';
import { leads } from '../../../db/schema/leads.ts';
import { acdQueueMembers, acdQueues, agentProfiles, dids } from '../../../db/schema/telephony.ts';
import { userRoles, users, type RoleName } from '../../../db/schema/users.ts';
import type { RealtimeServer } from '../../../plugins/realtime.ts';
import { MemoryAttemptStore } from '../../dialer/attempt-store.ts';
import { DialerRuntime } from '../../dialer/runtime.ts';
import { TelephonyFacade } from '../facade.ts';
import { decodeLegTag, LEG_TAG_VARIABLE } from '../leg-tag.ts';
import { MemoryLiveStore } from '../live-store.ts';
import { createTelephonyRuntime } from '../role.ts';
import type { TelephonyRuntime } from '../runtime.ts';
import { completeTransfer } from '../transfer.ts';
import type { LiveCall } from '../types.ts';

// The integration project's globalSetup provides it (tests/support/global-setup.ts declares the same).
declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** One database per test file (real migrations, cloned from the run's template). */
export interface WorldDb {
  db: Db;
  close(): Promise<void>;
}

export async function openWorldDb(): Promise<WorldDb> {
  const database = await createTestDatabase();
  const handle = createDb(database.url, { max: 4 });
  return {
    db: handle.db,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}

export interface Emit {
  rooms: string[];
  event: string;
  payload: unknown;
  /** How many PBX commands had been sent when it was emitted. */
  pbxAt: number;
}

export interface LogEntry {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface SeededQueue {
  queueId: string;
  did: string;
  /** Agent ids in the order their names were given. */
  agents: string[];
}

export interface QueueOptions {
  agents: string[];
  strategy?: 'ringAll' | 'longestIdle' | 'fewestCalls' | 'roundRobin' | 'skillsBased';
  ringTimeoutSec?: number;
  wrapUpSec?: number;
  recordCalls?: boolean;
}

export interface CampaignOptions {
  agents: string[];
  numbers: string[];
  mode?: 'preview' | 'progressive' | 'power' | 'predictive';
  amd?: boolean;
  amdAction?: 'hangup' | 'message';
  recordCalls?: boolean;
}

const TICK_MS = 50;
/** What one tick() advances the faked intervals by: every tick of both runtimes fires at least once. */
const TICK_SPAN_MS = 200;
const ALL_DAY = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [{ from: '00:00', to: '24:00' }]]),
);
const provisioning: PbxProvisioning = {
  upsertAgentEndpoint: () => Promise.resolve(),
  deleteAgentEndpoint: () => Promise.resolve(),
};

export class FakeWorld {
  readonly pbx = new FakePbx({ app: `seq-${randomBytes(3).toString('hex')}` });
  readonly clock = { now: Date.now() };
  readonly emits: Emit[] = [];
  readonly logs: LogEntry[] = [];
  readonly config: Config;
  rt: TelephonyRuntime;
  dialer: DialerRuntime | null = null;
  /** userId → the name the test gave. */
  private readonly names = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  /** channelId → what the test calls it. */
  private readonly aliases = new Map<string, string>();
  private readonly bridgeAliases = new Map<string, string>();
  private readonly tag = randomBytes(3).toString('hex');
  private readonly campaignIds: string[] = [];
  private facade: { rt: TelephonyRuntime; tel: TelephonyFacade } | undefined;
  private seq = 0;
  /** Silent: every entry is kept in `logs`. */
  readonly log = pino(
    { level: 'info' },
    { write: (line: string) => void this.logs.push(JSON.parse(line) as LogEntry) },
  );
  /** The socket.io stub the runtimes emit on (kept in `emits`). */
  readonly io = recordingIo((rooms, event, payload) =>
    this.emits.push({ rooms, event, payload, pbxAt: this.pbx.commands.length }),
  );

  constructor(readonly db: Db) {
    this.config = loadConfig({
      ...readEnvFile(),
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ARI_APP: this.pbx.app,
    });
    this.rt = this.newRuntime();
  }

  private newRuntime(): TelephonyRuntime {
    return createTelephonyRuntime({
      pbx: this.pbx,
      provisioning,
      db: this.db,
      io: this.io,
      config: this.config,
      log: this.log,
      now: () => this.clock.now,
      tickMs: TICK_MS,
    });
  }

  /** The runtime started and connected to the fake PBX (reconciled: routing may run). */
  async start(): Promise<void> {
    await this.rt.start();
    await this.pbx.connect();
    await this.idle();
    if (!this.rt.reconciled) throw new Error('the runtime did not reconcile at connect');
  }

  /** What other modules are given of the current runtime (modules/telephony/facade.ts). */
  get tel(): TelephonyFacade {
    if (this.facade?.rt !== this.rt) this.facade = { rt: this.rt, tel: new TelephonyFacade(this.rt) };
    return this.facade.tel;
  }

  /** The dialer on the telephony facade, with an in-memory attempt store. */
  async startDialer(opts: { wrapUpMs?: number } = {}): Promise<DialerRuntime> {
    this.dialer = new DialerRuntime({
      telephony: this.tel,
      store: new MemoryAttemptStore(),
      db: this.db,
      io: this.io,
      log: this.log,
      wrapUpMs: opts.wrapUpMs ?? 10_000,
      tickMs: TICK_SPAN_MS,
    });
    await this.dialer.start();
    await this.idle();
    return this.dialer;
  }

  // ------------------------------------------------------------------ seeding

  /** A user with a telephony profile (their phone: the default softphone target). */
  async seedUser(name: string, roles: RoleName[] = ['agent']): Promise<string> {
    const [u] = await this.db
      .insert(users)
      .values({ username: `${name}-${this.tag}`, displayName: name, passwordHash: 'unused' })
      .returning({ id: users.id });
    const id = u!.id;
    await this.db.insert(userRoles).values(roles.map((role) => ({ userId: id, role })));
    await this.db.insert(agentProfiles).values({ userId: id, sipPassword: 'unused' });
    this.names.set(id, name);
    this.byName.set(name, id);
    return id;
  }

  /** A queue with the named agents as members and a DID to it; the runtime reloads its configuration. */
  async seedQueue(opts: QueueOptions): Promise<SeededQueue> {
    const agents: string[] = [];
    for (const name of opts.agents) agents.push(this.byName.get(name) ?? (await this.seedUser(name)));
    const [q] = await this.db
      .insert(acdQueues)
      .values({
        name: `queue-${this.tag}-${++this.seq}`,
        strategy: opts.strategy ?? 'longestIdle',
        ringTimeoutSec: opts.ringTimeoutSec ?? 15,
        wrapUpSec: opts.wrapUpSec ?? 30,
        recordCalls: opts.recordCalls ?? false,
      })
      .returning({ id: acdQueues.id });
    const queueId = q!.id;
    await this.db.insert(acdQueueMembers).values(agents.map((userId) => ({ queueId, userId, penalty: 0 })));
    const did = `4${String(parseInt(this.tag, 16) % 100_000).padStart(5, '0')}${this.seq}`;
    await this.db.insert(dids).values({ number: did, targetKind: 'queue', targetId: queueId });
    await this.rt.reload();
    return { queueId, did, agents };
  }

  /** A lead owning `number`, so the pop of a call from it finds a party. */
  async seedLead(name: string, number: string): Promise<string> {
    const [lead] = await this.db.insert(leads).values({ name }).returning({ id: leads.id });
    await this.db
      .insert(phoneNumbers)
      .values({ e164: number, raw: number, partyType: 'lead', partyId: lead!.id, kind: 'mobile' });
    return lead!.id;
  }

  /** A running campaign with the named agents and one record per number (E.164). */
  async seedCampaign(opts: CampaignOptions): Promise<{ campaignId: string; recordIds: string[] }> {
    const agentIds: string[] = [];
    for (const name of opts.agents) agentIds.push(this.byName.get(name) ?? (await this.seedUser(name)));
    const [c] = await this.db
      .insert(campaigns)
      .values({
        name: `campaign-${this.tag}-${++this.seq}`,
        status: 'running',
        mode: opts.mode ?? 'progressive',
        callerId: '862000000000',
        trunk: 'carrier',
        script: 'Hello from the sequence test',
        ringTimeoutSec: 15,
        maxLinesPerAgent: 1,
        amdEnabled: opts.amd ?? false,
        amdAction: opts.amdAction ?? 'message',
        recordCalls: opts.recordCalls ?? false,
        callingWindows: ALL_DAY,
      })
      .returning({ id: campaigns.id });
    const campaignId = c!.id;
    this.campaignIds.push(campaignId);
    await this.db.insert(campaignAgents).values(agentIds.map((userId) => ({ campaignId, userId })));
    const rows = await this.db
      .insert(campaignRecords)
      .values(opts.numbers.map((n) => ({ campaignId, phoneRaw: n, phoneE164: n, timezone: 'Asia/Shanghai' })))
      .returning({ id: campaignRecords.id });
    return { campaignId, recordIds: rows.map((r) => r.id) };
  }

  // ------------------------------------------------------------------ agents

  id(name: string): string {
    const id = this.byName.get(name);
    if (!id) throw new Error(`no user named ${name}`);
    return id;
  }

  /** Applies agent events in the runtime's chain, as the console's commands do. */
  async agentDoes(name: string, ...events: ((now: number) => AgentEvent)[]): Promise<void> {
    const agentId = this.id(name);
    for (const ev of events) {
      const step = await this.rt.run(() => this.rt.ops.applyAgent(agentId, ev(this.clock.now)));
      if (!step.ok) throw new Error(`${name}: ${JSON.stringify(step.rejection)}`);
    }
    await this.idle();
  }

  /** Signs the agents in and makes them ready one second apart: the first is the longest idle. */
  async signInReady(...names: string[]): Promise<void> {
    for (const name of names) {
      await this.agentDoes(
        name,
        (now) => ({ type: 'signIn', now }),
        (now) => ({ type: 'goReady', now }),
      );
      this.advance(1000);
    }
  }

  agentState(name: string): AgentState {
    return this.rt.agentState(this.id(name));
  }

  /** 'ready', 'ringing', 'onCall', 'wrapUp', 'paused:<reason>', 'signedOut'. */
  status(name: string): string {
    const s = this.agentState(name).status;
    return s.kind === 'paused' ? `paused:${s.reason}` : s.kind;
  }

  // ------------------------------------------------------------------ the agent's controls

  /** The agent on the call transfers it to another agent (the call machine's transfer, as the console's). */
  async transfer(callId: string, mode: 'blind' | 'attended', to: string): Promise<void> {
    const agentId = this.id(to);
    const ok = await this.rt.run(() =>
      this.rt.ops.applyCall(this.liveCall(callId), {
        type: 'transfer',
        mode,
        target: { kind: 'agent', agentId },
        now: this.clock.now,
      }),
    );
    if (!ok) throw new Error(`the call ${callId} could not be transferred now`);
    await this.idle();
  }

  /** Attended transfer: the first agent completes it (the caller joins the target). */
  async completeTransfer(callId: string): Promise<void> {
    await this.rt.run(() => completeTransfer(this.rt, this.liveCall(callId)));
    await this.idle();
  }

  liveCall(callId: string): LiveCall {
    const call = this.rt.calls.get(callId);
    if (!call) throw new Error(`no live call ${callId}`);
    return call;
  }

  // ------------------------------------------------------------------ the far end

  /** A caller dials the DID (a channel entering Stasis with ['inbound', did]); returns the call's id. */
  async call(did: string, alias: string, callerNumber = '13800138000'): Promise<string> {
    const channelId = this.enter(did, alias, callerNumber);
    await this.idle();
    const tag = this.rt.channels.get(channelId);
    if (tag?.kind !== 'caller') throw new Error(`the call from ${alias} was not taken`);
    return tag.callId;
  }

  /**
   * The caller's channel enters the app (nothing waits for the runtime: a runtime that is down never
   * hears of it). Created at the world's clock, like every other time the runtime sees.
   */
  enter(did: string, alias: string, callerNumber = '13800138000'): string {
    const channelId = `${alias}-${randomBytes(3).toString('hex')}`;
    this.aliases.set(channelId, alias);
    this.pbx.inboundCall({ did, callerNumber, channelId });
    this.pbx.channels.get(channelId)!.createdAt = this.clock.now;
    return channelId;
  }

  /** The channel a test calls `alias` (a caller, `alice:agent`, `bob:consult`, `sup:supervisor`, `dial:<n>`). */
  channel(alias: string): string {
    this.nameChannels();
    for (const [id, a] of this.aliases) if (a === alias && this.pbx.channels.has(id)) return id;
    throw new Error(`no live channel ${alias} (live: ${this.liveChannels().join(', ')})`);
  }

  /** Aliases of the channels the fake PBX holds now. */
  liveChannels(): string[] {
    this.nameChannels();
    return [...this.pbx.channels.keys()].map((id) => this.aliases.get(id) ?? id);
  }

  /** The far end of an originated leg answers (it enters the app). */
  async answer(alias: string): Promise<void> {
    this.pbx.remoteAnswer(this.channel(alias));
    await this.idle();
  }

  /** The far end hangs up. */
  async hangup(alias: string, cause = 16): Promise<void> {
    this.pbx.remoteHangup(this.channel(alias), cause);
    await this.idle();
  }

  async finishPlayback(alias: string): Promise<void> {
    const play = [...this.pbx.commands]
      .reverse()
      .find((c) => c.name === 'play' && (c.args[0] as { id: string }).id === this.channel(alias));
    if (!play) throw new Error(`nothing played to ${alias}`);
    const [target, , opts] = play.args as [{ kind: 'channel'; id: string }, string[], { playbackId: string }];
    this.pbx.finishPlayback(opts.playbackId, target);
    await this.idle();
  }

  // ------------------------------------------------------------------ time

  /** Moves the runtimes' clock (nothing runs until the next tick or event). */
  advance(ms: number): void {
    this.clock.now += ms;
  }

  /** Fires the runtimes' periodic ticks once, then waits for the world to be quiet. */
  async tick(): Promise<void> {
    vi.advanceTimersByTime(TICK_SPAN_MS);
    await this.idle();
  }

  /** advance(ms) in steps of `step`, ticking after each (deadlines see time pass as in production). */
  async pass(ms: number, step = 500): Promise<void> {
    for (let left = ms; left > 0; left -= step) {
      this.advance(Math.min(step, left));
      await this.tick();
    }
  }

  /**
   * Resolves once nothing is in flight: the fake's deferred events delivered, both chains drained, pop
   * lookups and database writes done, and one more round changed nothing.
   */
  async idle(): Promise<void> {
    const deadline = Date.now() + 10_000;
    let quiet = 0;
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error('the world did not go idle within 10 s');
      const before = this.signature();
      await immediate();
      await this.rt.run(() => undefined);
      if (this.dialer) await this.dialer.run(() => undefined);
      await this.rt.writes.flush();
      await immediate();
      const waiting = [...this.rt.calls.values()].some((c) => c.popPending);
      // A lookup is a database round trip: give it real time rather than spinning.
      if (waiting) await new Promise((r) => setTimeout(r, 2));
      quiet = !waiting && this.signature() === before ? quiet + 1 : 0;
    }
    // Named while the calls are live: the timeline is read after they ended.
    this.nameChannels();
  }

  private signature(): string {
    return [
      this.pbx.commands.length,
      this.pbx.events.length,
      this.emits.length,
      this.rt.trace.length,
      this.rt.writes.pending,
      this.dialer?.attempts.length ?? 0,
    ].join('/');
  }

  // ------------------------------------------------------------------ reading the world

  /** A position in the timeline, for timeline(since). */
  mark(): { pbx: number; emits: number } {
    return { pbx: this.pbx.commands.length, emits: this.emits.length };
  }

  /**
   * The PBX commands since `since`, one line each with channels and bridges by alias, and the socket.io
   * emits (`io <event> <room>`) at the place they happened. `only` keeps the lines starting with one of
   * its prefixes, `skip` drops them.
   */
  timeline(
    since = { pbx: 0, emits: 0 },
    { only, skip }: { only?: string[]; skip?: string[] } = {},
  ): string[] {
    this.nameChannels();
    const out: string[] = [];
    const emits = this.emits.slice(since.emits);
    let e = 0;
    for (let i = since.pbx; i <= this.pbx.commands.length; i++) {
      while (e < emits.length && emits[e]!.pbxAt <= i) {
        const x = emits[e++]!;
        out.push(`io ${x.event} ${x.rooms.map((r) => this.room(r)).join(',')}`);
      }
      const c = this.pbx.commands[i];
      if (c) out.push(this.describe(c.name, c.args));
    }
    return out.filter(
      (l) => (!only || only.some((p) => l.startsWith(p))) && !skip?.some((p) => l.startsWith(p)),
    );
  }

  /** Emits of `event` (optionally to one user by name). */
  emitted(event: string, to?: string): unknown[] {
    const room = to ? `user:${this.id(to)}` : undefined;
    return this.emits
      .filter((e) => e.event === event && (!room || e.rooms.includes(room)))
      .map((e) => e.payload);
  }

  async callRow(callId: string): Promise<typeof calls.$inferSelect> {
    await this.rt.writes.flush();
    const [row] = await this.db.select().from(calls).where(eq(calls.id, callId));
    if (!row) throw new Error(`no calls row ${callId}`);
    return row;
  }

  /** Log entries at warn or above (a sequence that ran clean has none, unless the test expects them). */
  problems(): string[] {
    return this.logs.filter((l) => l.level >= 40).map((l) => l.msg);
  }

  nameOf(userId: string | null | undefined): string | null {
    return userId ? (this.names.get(userId) ?? userId) : null;
  }

  // ------------------------------------------------------------------ restart

  /** What a Redis live store would hold now: the MemoryLiveStore's entries. */
  liveSnapshot(): Map<string, string> {
    return new Map(this.memoryStore(this.rt).written);
  }

  /** Stops the runtimes (their state stays in the fake PBX and the database, as after a crash). */
  async stopRuntimes(): Promise<void> {
    await this.dialer?.stop();
    this.dialer = null;
    await this.rt.stop();
  }

  /**
   * A new runtime on the same fake PBX and database, its live store preloaded with `live` (what the
   * previous process had written), started; then the PBX connection that triggers the reconciliation.
   */
  async restart(live: Map<string, string>): Promise<void> {
    this.rt = this.newRuntime();
    const store = this.memoryStore(this.rt);
    for (const [k, v] of live) store.written.set(k, v);
    await this.start();
  }

  /**
   * Stops the runtimes and gives the timers back; this world's campaigns are completed, so a later world
   * on the same database never dials them.
   */
  async close(): Promise<void> {
    await this.stopRuntimes();
    vi.useRealTimers();
    if (this.campaignIds.length)
      await this.db
        .update(campaigns)
        .set({ status: 'completed' })
        .where(inArray(campaigns.id, this.campaignIds));
  }

  // ------------------------------------------------------------------ internals

  private memoryStore(rt: TelephonyRuntime): MemoryLiveStore {
    if (!(rt.liveStore instanceof MemoryLiveStore)) throw new Error('the runtime has a Redis live store');
    return rt.liveStore;
  }

  /** Names every channel the fake knows by its leg tag or Stasis args, and the talk bridges of live calls. */
  private nameChannels(): void {
    for (const ch of this.pbx.channels.values()) {
      if (this.aliases.has(ch.id)) continue;
      const tag = decodeLegTag(ch.variables.get(LEG_TAG_VARIABLE));
      const who = (id: string | null | undefined) => this.nameOf(id) ?? 'external';
      if (tag?.kind === 'agentLeg') this.aliases.set(ch.id, `${who(tag.agentId)}:agent`);
      else if (tag?.kind === 'consultLeg') this.aliases.set(ch.id, `${who(tag.agentId)}:consult`);
      else if (tag?.kind === 'dialer' && ch.target?.kind === 'number')
        this.aliases.set(ch.id, `dial:${ch.target.number}`);
      else if (ch.args[0] === 'supervise') this.aliases.set(ch.id, `${who(ch.args[2])}:supervisor`);
      else if (ch.args[0] === 'snoop') this.aliases.set(ch.id, `snoop`);
    }
    for (const call of this.rt.calls.values()) {
      const caller = this.aliases.get(call.callerChannel);
      if (caller && !this.bridgeAliases.has(`call-${call.id}`))
        this.bridgeAliases.set(`call-${call.id}`, `talk:${caller}`);
    }
  }

  private alias(id: string): string {
    return this.aliases.get(id) ?? this.bridgeAlias(id);
  }

  private bridgeAlias(id: string): string {
    return this.bridgeAliases.get(id) ?? id;
  }

  private room(r: string): string {
    return r.startsWith('user:') ? (this.nameOf(r.slice(5)) ?? r) : r;
  }

  private describe(name: string, args: unknown[]): string {
    const a = (i: number) => args[i];
    switch (name) {
      case 'originate': {
        const r = a(0) as { channelId?: string };
        const id = r.channelId ?? '';
        this.nameChannels();
        return `originate ${this.alias(id)}`;
      }
      case 'snoop':
        return `snoop ${this.alias((a(0) as { channelId: string }).channelId)}`;
      case 'setVariable':
        return `setVariable ${this.alias(a(0) as string)} ${a(1) as string}`;
      case 'createBridge':
        return `createBridge ${a(0) as string}`;
      case 'addToBridge':
      case 'removeFromBridge':
        return `${name} ${this.alias(a(0) as string)} ${(a(1) as string[]).map((c) => this.alias(c)).join('+')}`;
      case 'destroyBridge':
      case 'recordBridge':
      case 'startBridgeMoh':
      case 'stopBridgeMoh':
        return `${name} ${this.alias(a(0) as string)}`;
      case 'play': {
        // sound:ringside/<lang>/<prompt> → <lang>/<prompt>
        const media = (a(1) as string[]).map((m) => m.split('/').slice(-2).join('/')).join('+');
        return `play ${this.alias((a(0) as { id: string }).id)} ${media}`;
      }
      case 'listChannels':
      case 'listBridges':
      case 'stopPlayback':
      case 'stopRecording':
      case 'pauseRecording':
      case 'unpauseRecording':
        return name;
      default:
        return typeof a(0) === 'string' ? `${name} ${this.alias(a(0) as string)}` : name;
    }
  }
}

/**
 * A world on `wdb`: its own fake PBX, clock and runtime (not started). The runtimes' setIntervals are
 * faked from here on, until close().
 */
export function fakeWorld(wdb: WorldDb): FakeWorld {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  return new FakeWorld(wdb.db);
}

function immediate(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** The socket.io server as the runtime uses it (`to(room…).emit`), recording every emit. */
function recordingIo(onEmit: (rooms: string[], event: string, payload: unknown) => void): RealtimeServer {
  const target = (rooms: string[]) => ({
    to: (r: string | string[]) => target([...rooms, ...(Array.isArray(r) ? r : [r])]),
    in: (r: string | string[]) => target([...rooms, ...(Array.isArray(r) ? r : [r])]),
    emit: (event: string, payload?: unknown) => {
      onEmit(rooms, event, payload);
      return true;
    },
  });
  return {
    ...target([]),
    on: () => undefined,
  } as unknown as RealtimeServer;
}
