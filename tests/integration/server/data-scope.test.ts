import { and, eq } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordShares } from '../../../server/src/db/schema/ownership.ts';
import { userRoles, users } from '../../../server/src/db/schema/users.ts';
import type { SessionUser } from '../../../server/src/modules/auth/guard.ts';
import { loadScope, scopeFromReach, type DataScope } from '../../../server/src/modules/access/scope.ts';
import { editableBy, visibleTo } from '../../../server/src/modules/access/visibility.ts';
import { setTeamManager, upsertTeam } from '../../../server/src/modules/users/repository.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

// A throwaway owned table, so the access rules are proven independently of any CRM module.
const notes = pgTable('scope_test_notes', { id: uuid('id').primaryKey().defaultRandom(), title: text('title').notNull(), ownerId: uuid('owner_id'), teamId: uuid('team_id') });

let ts: TestServer;
const ids: Record<string, string> = {};
const teamIds: Record<string, string> = {};

async function sessionUser(username: string): Promise<SessionUser> {
  const [u] = await ts.app.db.select().from(users).where(eq(users.username, username));
  const roles = await ts.app.db.select().from(userRoles).where(eq(userRoles.userId, u!.id));
  return { id: u!.id, username, displayName: u!.displayName, roles: roles.map((r) => r.role), teamId: u!.teamId, managerId: u!.managerId, locale: 'zh-CN' };
}

async function visibleTitles(username: string): Promise<string[]> {
  const scope = await loadScope(ts.app.db, await sessionUser(username));
  const rows = await ts.app.db.select({ title: notes.title }).from(notes).where(visibleTo(scope, notes, 'note'));
  return rows.map((r) => r.title).sort();
}

async function editableTitles(username: string): Promise<string[]> {
  const scope = await loadScope(ts.app.db, await sessionUser(username));
  const rows = await ts.app.db.select({ title: notes.title }).from(notes).where(and(editableBy(scope, notes, 'note')));
  return rows.map((r) => r.title).sort();
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  await ts.app.pg`create table scope_test_notes (id uuid primary key default gen_random_uuid(), title text not null, owner_id uuid, team_id uuid)`;
  teamIds.east = await upsertTeam(ts.app.db, { name: 'East' });
  teamIds.eastSub = await upsertTeam(ts.app.db, { name: 'East-1', parentTeamId: teamIds.east });
  teamIds.west = await upsertTeam(ts.app.db, { name: 'West' });
  ids.boss = await ts.createUser({ username: 'boss', password: 'pw-boss-1', roles: ['supervisor'], teamId: teamIds.east });
  ids.lead = await ts.createUser({ username: 'lead', password: 'pw-lead-1', roles: ['supervisor'], managerId: ids.boss, teamId: teamIds.eastSub });
  ids.rep = await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'], managerId: ids.lead, teamId: teamIds.eastSub });
  ids.peer = await ts.createUser({ username: 'peer', password: 'pw-peer-1', roles: ['sales'], teamId: teamIds.eastSub });
  ids.other = await ts.createUser({ username: 'other', password: 'pw-other-1', roles: ['agent'], teamId: teamIds.west });
  ids.admin = await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'] });
  await setTeamManager(ts.app.db, teamIds.east, ids.boss);
  await ts.app.db.insert(notes).values([
    { title: 'rep-own', ownerId: ids.rep, teamId: teamIds.eastSub },
    { title: 'peer-own', ownerId: ids.peer, teamId: teamIds.eastSub },
    { title: 'other-own', ownerId: ids.other, teamId: teamIds.west },
    { title: 'other-shared-to-rep', ownerId: ids.other, teamId: teamIds.west },
    { title: 'other-shared-to-east1-edit', ownerId: ids.other, teamId: teamIds.west },
  ]);
  const byTitle = Object.fromEntries((await ts.app.db.select().from(notes)).map((n) => [n.title, n.id]));
  await ts.app.db.insert(recordShares).values([
    { entityType: 'note', entityId: byTitle['other-shared-to-rep']!, userId: ids.rep, canEdit: false },
    { entityType: 'note', entityId: byTitle['other-shared-to-east1-edit']!, teamId: teamIds.eastSub, canEdit: true },
    // A share of another entity type with the same id must not leak.
    { entityType: 'customer', entityId: byTitle['other-own']!, userId: ids.rep, canEdit: true },
  ]);
});
afterAll(() => ts.close());

describe('data scope', () => {
  it('a rep sees own records and records shared with them or their team, not a peer’s', async () => {
    expect(await visibleTitles('rep')).toEqual(['other-shared-to-east1-edit', 'other-shared-to-rep', 'rep-own']);
  });

  it('a read-only share does not allow edits; an editable team share does', async () => {
    expect(await editableTitles('rep')).toEqual(['other-shared-to-east1-edit', 'rep-own']);
  });

  it('a line manager sees their subordinates’ records', async () => {
    expect(await visibleTitles('lead')).toEqual(['other-shared-to-east1-edit', 'rep-own']);
  });

  it('a team manager sees every record of the team and its sub-teams, and subordinates at any depth', async () => {
    expect(await visibleTitles('boss')).toEqual(['peer-own', 'rep-own']);
  });

  it('someone in another team sees only their own records', async () => {
    expect(await visibleTitles('other')).toEqual(['other-own', 'other-shared-to-east1-edit', 'other-shared-to-rep']);
    expect(await visibleTitles('peer')).toEqual(['other-shared-to-east1-edit', 'peer-own']);
  });

  it('an admin sees everything', async () => {
    expect(await visibleTitles('root')).toHaveLength(5);
  });

  it('the session query reads the same reach as loadScope, so an API request needs no second scope query', async () => {
    const sorted = (s: DataScope) => (s.kind === 'all' ? s : { ...s, userIds: [...s.userIds].sort(), teamIds: [...s.teamIds].sort() });
    for (const username of ['boss', 'lead', 'rep', 'peer', 'other', 'root']) {
      const login = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: `pw-${username}-1` } });
      const token = login.cookies.find((c) => c.name === 'rs_session')!.value;
      const user = (await ts.app.resolveSession(token))!;
      expect(user.reach, username).toBeDefined();
      expect(sorted(scopeFromReach(user, user.reach!)), username).toEqual(sorted(await loadScope(ts.app.db, user)));
    }
    // The boss's reach spans the manager chain and the managed team with its sub-team.
    const boss = await loadScope(ts.app.db, await sessionUser('boss'));
    expect(boss.kind === 'limited' && [...boss.teamIds].sort()).toEqual([teamIds.east, teamIds.eastSub].sort());
  });
});
