import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../../config/index.ts';
import { AppError } from '../../../errors/catalog.ts';
import { access } from '../../auth/guard.ts';
import { originAllowed, parseOrigins, setCorsHeaders } from './cors.ts';
import { findActiveWebform } from './repository.ts';
import { createWebsiteLead, isHoneypotFilled, validateSubmission } from './submit.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Submission = Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 40 });
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function thankYou(req: FastifyRequest, reply: FastifyReply, message: string) {
  // A plain HTML form post (no JavaScript) gets a page; the snippet's fetch gets JSON.
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><p>${esc(message)}</p>`);
  }
  return reply.send({ ok: true, message });
}

/**
 * The public end of the web form: no session, CORS allow-list, per-IP rate limit, honeypot. It answers only
 * "thank you", a per-field validation error, 403 for a foreign origin, 404 for an unknown form, or 429.
 */
export const webformPublicRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const allowed = parseOrigins(config.WEBFORM_ORIGINS);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addHook('onRequest', async (req) => {
    if (!originAllowed(req, allowed)) throw new AppError('RS_FORBIDDEN', 'This origin may not post this form');
  });
  // Also on error answers, so the snippet can show a validation message.
  app.addHook('onSend', async (req, reply) => {
    if (originAllowed(req, allowed)) setCorsHeaders(req, reply);
  });

  app.options('/api/public/webforms/:id/submit', { config: { access: access.public }, schema: { hide: true, params: IdParams } }, async (_req, reply) => {
    return reply
      .header('access-control-allow-methods', 'POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .status(204)
      .send();
  });

  app.post(
    '/api/public/webforms/:id/submit',
    {
      bodyLimit: 64 * 1024,
      config: { access: access.public, rateLimit: { max: config.WEBFORM_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { tags: ['public'], params: IdParams, body: Submission },
    },
    async (req, reply) => {
      const form = await findActiveWebform(app.db, req.params.id);
      if (!form) throw new AppError('RS_NOT_FOUND');
      const body = req.body as Record<string, unknown>;
      // Bots get the same answer as people, so the trap is not discoverable; nothing is stored.
      if (isHoneypotFilled(body)) return thankYou(req, reply, form.thankYouMessage);
      const clean = validateSubmission(form, body, config.PHONE_DEFAULT_REGION);
      await createWebsiteLead(app.db, form, clean, req.ip);
      return thankYou(req, reply, form.thankYouMessage);
    },
  );
};
