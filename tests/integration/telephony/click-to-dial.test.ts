// Click-to-dial on the real Asterisk: POST /api/calls/dial rings the agent's own phone first, and only
// once it answered dials the number (a Local channel here, through OUTBOUND_DIAL); both end up in one
// mixing bridge, and the call is one outbound record linked to the customer who owns the number.
import type { PbxEvent } from '@ringside/pbx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeMembers, outboundWorld } from './outbound-world.ts';
import { eventually, finalCall, login, type TelephonyWorld } from './support.ts';

let w: TelephonyWorld;
beforeAll(async () => {
  w = await outboundWorld('Local/tone@ringside-test');
}, 120_000);
afterAll(async () => w?.close(), 30_000);

describe('click-to-dial', () => {
  it('rings the agent, then the number; one outbound call record on the customer', async () => {
    await w.server.createUser({ username: 'admin-c2d', password: 'admin-pw-12345', roles: ['admin'] });
    const admin = await login(w.server, 'admin-c2d', 'admin-pw-12345');
    const repId = await w.server.createUser({ username: 'rep-c2d', password: 'sales-pw-12345', roles: ['sales'], displayName: 'Rep' });
    expect((await admin.put(`/api/agents/${repId}/profile`, { dialTarget: 'Local/tone@ringside-test' })).status).toBe(200);
    const rep = await login(w.server, 'rep-c2d', 'sales-pw-12345');
    const customer = await rep.post<{ id: string }>('/api/customers', { name: '杭州云帆科技', phones: [{ number: '+86 138 0013 9001' }] });
    expect(customer.status).toBe(201);

    const seen: PbxEvent[] = [];
    const off = w.server.app.telephony!.pbx.on((e) => seen.push(e));
    try {
      // Formatted as the CRM page shows it; the server strips the punctuation.
      const dial = await rep.post<{ callId: string }>('/api/calls/dial', { number: '138-0013-9001' });
      expect(dial.status).toBe(202);
      const { callId } = dial.body;
      const members = await eventually(async () => {
        const m = await bridgeMembers(w, `call-${callId}`);
        return m?.length === 2 ? m : undefined;
      }, 15_000, 'agent and number bridged');
      const entered = seen.filter((e): e is Extract<PbxEvent, { type: 'callEntered' }> => e.type === 'callEntered' && e.args[1] === callId);
      // The agent's phone answered first; the number was dialed after.
      expect(entered.map((e) => e.args[0])).toEqual(['dial', 'dial-out']);
      expect(members.sort()).toEqual(entered.map((e) => e.channelId).sort());

      const live = await rep.get(`/api/calls/${callId}`);
      expect(live.body).toMatchObject({ direction: 'outbound', outcome: 'live', customerId: customer.body.id, calledNumber: '13800139001' });
      await new Promise((r) => setTimeout(r, 1_000));
      await w.server.app.telephony!.pbx.hangup(entered[0]!.channelId);
      const row = await finalCall(rep, callId);
      expect(row).toMatchObject({ direction: 'outbound', outcome: 'completed', agentId: repId, customerId: customer.body.id, hangupSide: 'agent' });
      expect(row.talkSec as number).toBeGreaterThanOrEqual(1);
    } finally {
      off();
    }
  }, 40_000);

  it('links the call to the party whose page it was dialed from when several share the number', async () => {
    const repId = await w.server.createUser({ username: 'rep3-c2d', password: 'sales-pw-12345', roles: ['sales'] });
    const rep = await login(w.server, 'rep3-c2d', 'sales-pw-12345');
    await w.server.createUser({ username: 'admin2-c2d', password: 'admin-pw-12345', roles: ['admin'] });
    const admin = await login(w.server, 'admin2-c2d', 'admin-pw-12345');
    expect((await admin.put(`/api/agents/${repId}/profile`, { dialTarget: 'Local/tone@ringside-test' })).status).toBe(200);
    const first = await rep.post<{ id: string }>('/api/customers', { name: '共用号码一', phones: [{ number: '13800139002' }] });
    const second = await rep.post<{ id: string }>('/api/customers', { name: '共用号码二', phones: [{ number: '13800139002' }] });
    for (const c of [first, second]) {
      const dial = await rep.post<{ callId: string }>('/api/calls/dial', { number: '13800139002', partyType: 'customer', partyId: c.body.id });
      expect(dial.status).toBe(202);
      expect((await rep.get(`/api/calls/${dial.body.callId}`)).body.customerId).toBe(c.body.id);
      const d = w.server.app.telephony!.dials.get(dial.body.callId);
      await eventually(async () => (await bridgeMembers(w, `call-${dial.body.callId}`))?.length === 2, 15_000, 'bridged');
      await w.server.app.telephony!.pbx.hangup(d!.agentChannel);
      expect(await finalCall(rep, dial.body.callId)).toMatchObject({ outcome: 'completed', customerId: c.body.id });
    }
  }, 60_000);

  it('rejects something that is not a phone number', async () => {
    await w.server.createUser({ username: 'rep2-c2d', password: 'sales-pw-12345', roles: ['sales'] });
    const rep = await login(w.server, 'rep2-c2d', 'sales-pw-12345');
    const r = await rep.post<{ code: string }>('/api/calls/dial', { number: 'call me' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('RS_VALIDATION');
  });
});
