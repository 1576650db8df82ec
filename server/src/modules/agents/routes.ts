// The agent's own state (CC2): sign in/out, ready, pause with a reason code; and, for admins and
// supervisors, every agent's state and the telephony profile (skills, dial target).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isDialAddress } from '@ringside/pbx';
import { asc, eq, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { AgentProfileBody, PauseBody } from '../../contracts/telephony.ts';
import { agentProfiles, pauseCodes } from '../../db/schema/telephony.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';
import { generateSipPassword } from '../telephony/sip-password.ts';
import { requireTelephony } from '../telephony/facade.ts';
import { agentCommand, agentStateOf } from './service.ts';

const tags = ['agents'];
const self = { access: access.roles('agent', 'supervisor') };
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const agentRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/agent/state', { config: self, schema: { tags } }, async (req) =>
    agentStateOf(requireTelephony(app), req.user!.id),
  );

  const command = (path: string, event: (now: number) => Parameters<typeof agentCommand>[2]) =>
    app.post(path, { config: self, schema: { tags } }, async (req) => {
      const tel = requireTelephony(app);
      return agentCommand(tel, req.user!.id, event(tel.now()));
    });
  command('/api/agent/sign-in', (now) => ({ type: 'signIn', now }));
  command('/api/agent/sign-out', (now) => ({ type: 'signOut', now }));
  command('/api/agent/ready', (now) => ({ type: 'goReady', now }));

  app.post('/api/agent/pause', { config: self, schema: { tags, body: PauseBody } }, async (req) => {
    const tel = requireTelephony(app);
    return agentCommand(tel, req.user!.id, { type: 'pause', reason: req.body.reason, now: tel.now() });
  });

  app.get(
    '/api/agent/pause-codes',
    { config: { access: access.roles('agent', 'supervisor', 'admin') }, schema: { tags } },
    async () => {
      const rows = await app.db
        .select()
        .from(pauseCodes)
        .where(eq(pauseCodes.active, true))
        .orderBy(asc(pauseCodes.sortOrder), asc(pauseCodes.code));
      return { items: rows.map((r) => ({ code: r.code, label: r.label, labelEn: r.labelEn })) };
    },
  );

  app.get(
    '/api/agents',
    { config: { access: access.roles('admin', 'supervisor') }, schema: { tags } },
    async () => {
      const rows = await app.db
        .select({
          id: users.id,
          displayName: users.displayName,
          username: users.username,
          skills: agentProfiles.skills,
          dialTarget: agentProfiles.dialTarget,
        })
        .from(users)
        .innerJoin(sql`user_roles ur`, sql`ur.user_id = ${users.id} and ur.role = 'agent'`)
        .leftJoin(agentProfiles, eq(agentProfiles.userId, users.id))
        .orderBy(asc(users.displayName));
      const tel = app.telephonyFacade;
      return {
        items: rows.map((r) => ({
          ...r,
          skills: r.skills ?? {},
          state: tel ? agentStateOf(tel, r.id) : null,
        })),
      };
    },
  );

  app.put(
    '/api/agents/:id/profile',
    { config: { access: access.roles('admin') }, schema: { tags, params: IdParams, body: AgentProfileBody } },
    async (req) => {
      const [u] = await app.db.select({ id: users.id }).from(users).where(eq(users.id, req.params.id));
      if (!u) throw new AppError('RS_NOT_FOUND');
      const dialTarget = req.body.dialTarget;
      if (typeof dialTarget === 'string' && !isDialAddress(dialTarget)) {
        throw new AppError('RS_VALIDATION', undefined, [
          {
            path: 'dialTarget',
            message:
              'not a phone address the PBX accepts (no spaces, control characters, ";", ",", "&" or brackets)',
          },
        ]);
      }
      const set = {
        ...(req.body.skills ? { skills: req.body.skills } : {}),
        ...(req.body.dialTarget !== undefined ? { dialTarget: req.body.dialTarget } : {}),
      };
      const row = await app.db.transaction(async (tx) => {
        const [p] = await tx
          .insert(agentProfiles)
          .values({ userId: u.id, sipPassword: generateSipPassword(), ...set })
          .onConflictDoUpdate({ target: agentProfiles.userId, set: { ...set, updatedAt: sql`now()` } })
          .returning();
        await writeAudit(tx, {
          actorUserId: req.user!.id,
          action: 'agent.profile',
          entityType: 'user',
          entityId: u.id,
          details: set,
          ip: req.ip,
        });
        return p!;
      });
      await app.telephonyFacade?.reload();
      return { userId: row.userId, skills: row.skills, dialTarget: row.dialTarget };
    },
  );
};
