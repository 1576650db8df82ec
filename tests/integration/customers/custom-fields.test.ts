import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCustomFields } from '../../../server/src/modules/custom-fields/validate.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { auditCount, signIn, type Client } from './session.ts';

let ts: TestServer;
let admin: Client;
let rep: Client;

const field = (key: string, type: string, extra: Record<string, unknown> = {}) => ({ entityType: 'customer', key, label: key, type, ...extra });

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'] });
  await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'] });
  admin = await signIn(ts, 'root', 'pw-root-1');
  rep = await signIn(ts, 'rep', 'pw-rep-1');
  const defs = [
    field('note', 'text', { settings: { maxLength: 10 } }),
    field('budget', 'number', { settings: { min: 0 } }),
    field('signed_on', 'date'),
    field('province', 'dropdown', { options: [{ value: 'gd', label: '广东' }, { value: 'bj', label: '北京' }] }),
    field('city', 'dropdown', { parentKey: 'province', options: [{ value: 'sz', label: '深圳', parent: 'gd' }, { value: 'cy', label: '朝阳', parent: 'bj' }] }),
    field('tags', 'multiselect', { options: [{ value: 'vip', label: 'VIP' }, { value: 'new', label: '新' }] }),
    field('code', 'autonumber', { settings: { prefix: 'C-', padding: 4 } }),
    field('logo', 'image'),
    field('hotline', 'phone'),
    field('billing', 'email'),
    field('site', 'url'),
    field('tier', 'text', { required: true }),
  ];
  for (const d of defs) {
    const res = await admin.call('POST', '/api/custom-fields', d);
    if (res.statusCode !== 201) throw new Error(`${d.key}: ${res.body}`);
  }
});
afterAll(() => ts.close());

describe('custom field definitions', () => {
  it('lets an admin define fields and audits it; everyone signed in can read them', async () => {
    expect(await auditCount(ts, 'custom_field.create')).toBe(12);
    const res = await rep.call('GET', '/api/custom-fields?entityType=customer');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((d: { key: string }) => d.key)).toContain('city');
  });

  it('refuses definition changes to a non-admin with 403', async () => {
    expect((await rep.call('POST', '/api/custom-fields', field('x', 'text'))).statusCode).toBe(403);
    const id = (await rep.call('GET', '/api/custom-fields?entityType=customer')).json().items[0].id;
    expect((await rep.call('PATCH', `/api/custom-fields/${id}`, { label: 'y' })).statusCode).toBe(403);
    expect((await rep.call('DELETE', `/api/custom-fields/${id}`)).statusCode).toBe(403);
  });

  it('rejects a bad definition with per-field details: bad key, dropdown without options, orphan cascade', async () => {
    const res = await admin.call('POST', '/api/custom-fields', field('Bad Key', 'texty'));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['key', 'type']));
    const noOpts = await admin.call('POST', '/api/custom-fields', field('empty', 'dropdown'));
    expect(noOpts.json().details).toEqual([{ path: 'options', message: expect.any(String) }]);
    const orphan = await admin.call('POST', '/api/custom-fields', field('district', 'dropdown', { parentKey: 'city', options: [{ value: 'ns', label: '南山', parent: 'xx' }] }));
    expect(orphan.json().details[0].path).toBe('options');
  });

  it('answers a duplicate key with 409 and an unknown id with 404', async () => {
    expect((await admin.call('POST', '/api/custom-fields', field('note', 'text'))).statusCode).toBe(409);
    expect((await admin.call('PATCH', '/api/custom-fields/00000000-0000-4000-8000-000000000000', { label: 'z' })).statusCode).toBe(404);
  });

  it('updates and deletes a definition', async () => {
    const created = (await admin.call('POST', '/api/custom-fields', field('temp', 'text'))).json();
    const upd = await admin.call('PATCH', `/api/custom-fields/${created.id}`, { label: '临时', required: false });
    expect(upd.json().label).toBe('临时');
    expect((await admin.call('DELETE', `/api/custom-fields/${created.id}`)).statusCode).toBe(204);
    expect((await admin.call('DELETE', `/api/custom-fields/${created.id}`)).statusCode).toBe(404);
  });
});

describe('validateCustomFields', () => {
  const full = (extra: Record<string, unknown>) => validateCustomFields(ts.app.db, 'customer', { tier: 'A', ...extra }, { partial: false });
  const errorPaths = async (p: Promise<unknown>) => {
    try {
      await p;
      return [];
    } catch (e) {
      return (e as { details: { path: string }[] }).details.map((d) => d.path);
    }
  };

  it.each([
    ['note', 'short', 'short'],
    ['budget', '12.5', 12.5],
    ['signed_on', '2024-02-29', '2024-02-29'],
    ['tags', ['vip', 'vip', 'new'], ['vip', 'new']],
    ['logo', 'https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['logo', '6F9619FF-8B86-4011-B42D-00C04FC964FF', '6f9619ff-8b86-4011-b42d-00c04fc964ff'],
    ['hotline', '010-6552 9988', '+861065529988'],
    ['billing', ' Ops@Example.COM ', 'ops@example.com'],
    ['site', 'http://example.com/x', 'http://example.com/x'],
  ])('accepts a valid %s (%j) and stores it cleaned', async (key, input, stored) => {
    expect((await full({ [key]: input }))[key]).toEqual(stored);
  });

  it.each([
    ['note', 'more than ten chars'],
    ['note', 42],
    ['budget', 'abc'],
    ['budget', -1],
    ['signed_on', '2023-02-29'],
    ['signed_on', '29/02/2024'],
    ['province', 'sh'],
    ['tags', ['vip', 'gold']],
    ['tags', 'vip'],
    ['logo', 'javascript:alert(1)'],
    ['hotline', 'call me'],
    ['billing', 'not-an-email'],
    ['site', 'ftp://example.com'],
    ['nonexistent', 'x'],
  ])('rejects an invalid %s (%j) at custom.<key>', async (key, input) => {
    expect(await errorPaths(full({ [key]: input }))).toEqual([`custom.${key}`]);
  });

  it('requires required fields on create, and rejects clearing them on update', async () => {
    expect(await errorPaths(validateCustomFields(ts.app.db, 'customer', {}, { partial: false }))).toEqual(['custom.tier']);
    expect(await errorPaths(validateCustomFields(ts.app.db, 'customer', { tier: '' }, { partial: true }))).toEqual(['custom.tier']);
    expect(await validateCustomFields(ts.app.db, 'customer', { note: null }, { partial: true })).toEqual({ note: null });
  });

  it('keeps a cascading child consistent with its parent, also against the stored values', async () => {
    expect(await full({ province: 'gd', city: 'sz' })).toMatchObject({ province: 'gd', city: 'sz' });
    expect(await errorPaths(full({ province: 'bj', city: 'sz' }))).toEqual(['custom.city']);
    const existing = { province: 'gd', city: 'sz' };
    expect(await errorPaths(validateCustomFields(ts.app.db, 'customer', { province: 'bj' }, { partial: true, existing }))).toEqual(['custom.city']);
    expect(await validateCustomFields(ts.app.db, 'customer', { city: 'sz' }, { partial: true, existing })).toEqual({ city: 'sz' });
  });

  it('assigns unique auto-numbers under concurrency and ignores a client-sent number', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => ts.app.db.transaction((tx) => validateCustomFields(tx, 'customer', { tier: 'B', code: 'C-9999' }, { partial: false }))));
    const codes = results.map((r) => r.code as string);
    expect(new Set(codes).size).toBe(20);
    expect(codes.every((c) => /^C-\d{4}$/.test(c))).toBe(true);
    expect(codes).not.toContain('C-9999');
  });
});
