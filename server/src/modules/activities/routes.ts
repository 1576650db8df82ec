import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ActivityCreateBody, ActivityItemDto, ActivityListQuery, ActivityPage, ActivityUpdateBody, FollowUpDto, FollowUpQuery } from '../../contracts/activities.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { AppError } from '../../errors/catalog.ts';
import { access } from '../auth/guard.ts';
import { actorOf, isManager } from './actor.ts';
import { createActivity, markDone, updateActivity } from './commands.ts';
import { toActivityDto } from './dto.ts';
import { scheduleReminder } from './reminders.ts';
import { findVisibleActivity, followUps, listActivities } from './repository.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['activities'];

function utcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Activities and follow-ups (S4, S6, S9): every role logs them; visibility follows the data scope. */
export const activityRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const cfg = { access: access.anyUser };

  app.get('/api/activities', { config: cfg, schema: { tags, querystring: ActivityListQuery, response: { 200: ActivityPage, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    const { rows, total } = await listActivities(app.db, actor.scope, actor.user.id, req.query);
    return { items: rows.map(toActivityDto), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/activities/follow-ups', { config: cfg, schema: { tags, querystring: FollowUpQuery, response: { 200: FollowUpDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    const ownerId = req.query.ownerId ?? actor.user.id;
    if (ownerId !== actor.user.id && !isManager(actor.user)) throw new AppError('RS_FORBIDDEN');
    const r = await followUps(app.db, actor.scope, ownerId, req.query.dayStart ? new Date(req.query.dayStart) : utcMidnight());
    return { overdue: r.overdue.map(toActivityDto), today: r.today.map(toActivityDto), upcoming: r.upcoming.map(toActivityDto) };
  });

  app.post('/api/activities', { config: cfg, schema: { tags, body: ActivityCreateBody, response: { 201: ActivityItemDto, ...errors } } }, async (req, reply) => {
    const row = await createActivity(app.db, await actorOf(app, req), req.body);
    if (!row.doneAt) await scheduleReminder(app, 'activity', row.id, row.remindAt);
    return reply.status(201).send(toActivityDto(row));
  });

  app.get('/api/activities/:id', { config: cfg, schema: { tags, params: IdParams, response: { 200: ActivityItemDto, ...errors } } }, async (req) => {
    const row = await findVisibleActivity(app.db, (await actorOf(app, req)).scope, req.params.id);
    if (!row) throw new AppError('RS_NOT_FOUND');
    return toActivityDto(row);
  });

  app.patch('/api/activities/:id', { config: cfg, schema: { tags, params: IdParams, body: ActivityUpdateBody, response: { 200: ActivityItemDto, ...errors } } }, async (req) => {
    const { row, previousRemindAt } = await updateActivity(app.db, await actorOf(app, req), req.params.id, req.body);
    if (req.body.remindAt !== undefined) await scheduleReminder(app, 'activity', row.id, row.doneAt ? null : row.remindAt, previousRemindAt);
    return toActivityDto(row);
  });

  for (const [path, done] of [['done', true], ['undone', false]] as const) {
    app.post(`/api/activities/:id/${path}`, { config: cfg, schema: { tags, params: IdParams, response: { 200: ActivityItemDto, ...errors } } }, async (req) => {
      const row = await markDone(app.db, await actorOf(app, req), req.params.id, done);
      return toActivityDto(row);
    });
  }
};
