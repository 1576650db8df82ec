// Preview mode (the agent sees the record first): take the next record, dial it, or skip it. The claim
// is held by the dialer for that agent until they dial or skip (or the server restarts: stale claims
// are released at start).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { AppError } from '../../errors/catalog.ts';
import { access } from '../auth/guard.ts';
import {
  claimDialable,
  loadCampaignConfig,
  loadDispositions,
  releaseRecord,
} from '../campaigns/dialer-store.ts';
import { recordPop } from './record-pop.ts';

const tags = ['dialer'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const outbound = { access: access.roles('agent', 'sales') };

/** A skipped preview record comes back after this, so the agent is not handed the same record at once. */
const PREVIEW_SKIP_DEFER_MS = 30 * 60_000;

export const dialerRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const dialer = () => {
    if (!app.dialer)
      throw new AppError(
        'RS_PBX_UNAVAILABLE',
        'The dialer runs with the telephony role, not in this server process',
      );
    return app.dialer;
  };

  app.get(
    '/api/campaigns/:id/preview/next',
    { config: outbound, schema: { tags, params: IdParams } },
    async (req) => {
      const d = dialer();
      const userId = req.user!.id;
      const cfg = await loadCampaignConfig(app.db, req.params.id);
      if (!cfg || !cfg.agentIds.includes(userId)) throw new AppError('RS_NOT_FOUND');
      if (cfg.status !== 'running' || cfg.mode !== 'preview') throw new AppError('RS_CAMPAIGN_STATE');
      // One record on an agent's screen at a time: asking again shows the same one.
      const held = [...d.previewClaims.values()].find(
        (c) => c.agentId === userId && c.target.campaignId === cfg.id,
      );
      const [target] = held
        ? [held.target]
        : await claimDialable(app.db, cfg.id, 1, new Date(), { agentId: userId });
      const campaign = {
        id: cfg.id,
        name: cfg.name,
        script: cfg.script,
        dispositions: await loadDispositions(app.db, cfg.id),
      };
      if (!target) return { record: null, pop: null, campaign };
      d.previewClaims.set(target.recordId, { agentId: userId, target });
      return { record: target, pop: await recordPop(app.db, target), campaign };
    },
  );

  app.post(
    '/api/campaign-records/:id/dial',
    { config: outbound, schema: { tags, params: IdParams } },
    async (req, reply) => {
      const d = dialer();
      const claim = d.previewClaims.get(req.params.id);
      if (!claim || claim.agentId !== req.user!.id) throw new AppError('RS_PREVIEW_NOT_CLAIMED');
      if (!d.deps.telephony.pbx.connected) throw new AppError('RS_PBX_UNAVAILABLE');
      await d.reload();
      const callId = await d.dialPreview(claim.agentId, claim.target);
      if (!callId) throw new AppError('RS_CAMPAIGN_STATE');
      d.previewClaims.delete(req.params.id);
      return reply.status(202).send({ callId });
    },
  );

  app.post(
    '/api/campaign-records/:id/skip',
    { config: outbound, schema: { tags, params: IdParams } },
    async (req, reply) => {
      const d = dialer();
      const claim = d.previewClaims.get(req.params.id);
      if (!claim || claim.agentId !== req.user!.id) throw new AppError('RS_PREVIEW_NOT_CLAIMED');
      d.previewClaims.delete(req.params.id);
      await releaseRecord(app.db, req.params.id, { notBefore: new Date(Date.now() + PREVIEW_SKIP_DEFER_MS) });
      return reply.status(204).send();
    },
  );
};
