// GET /api/softphone/config: the signed-in agent's own WebRTC endpoint credentials. The endpoint is
// (re)provisioned on the PBX here, so a fresh PBX (or a wiped AstDB) heals on the next console load.
// There is deliberately no way to ask for another user's config.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createAsteriskProvisioning, type PbxProvisioning } from '@ringside/pbx';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config/index.ts';
import type { SoftphoneConfig } from '../../contracts/telephony.ts';
import { agentProfiles } from '../../db/schema/telephony.ts';
import { AppError } from '../../errors/catalog.ts';
import { access } from '../auth/guard.ts';
import { generateSipPassword } from '../telephony/sip-password.ts';

export const softphoneRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const provisioning: PbxProvisioning | null = config.PBX_ENABLED
    ? (app.telephonyFacade?.provisioning ??
      createAsteriskProvisioning({
        url: config.ARI_URL,
        user: config.ARI_USER,
        password: config.ARI_PASSWORD,
      }))
    : null;

  app.get(
    '/api/softphone/config',
    { config: { access: access.roles('agent', 'supervisor', 'sales') }, schema: { tags: ['softphone'] } },
    async (req): Promise<SoftphoneConfig> => {
      const user = req.user!;
      await app.db
        .insert(agentProfiles)
        .values({ userId: user.id, sipPassword: generateSipPassword() })
        .onConflictDoNothing();
      const [profile] = await app.db.select().from(agentProfiles).where(eq(agentProfiles.userId, user.id));
      const id = `agent-${user.id}`;
      if (provisioning) {
        try {
          await provisioning.upsertAgentEndpoint({
            id,
            password: profile!.sipPassword,
            displayName: user.displayName,
          });
          await app.db
            .update(agentProfiles)
            .set({ provisionedAt: sql`now()` })
            .where(eq(agentProfiles.userId, user.id));
        } catch (err) {
          req.log.warn({ err }, 'softphone: endpoint provisioning failed');
          throw new AppError('RS_PBX_UNAVAILABLE');
        }
      }
      const domain = new URL(config.SIP_WS_URL).hostname;
      return {
        uri: `sip:${id}@${domain}`,
        wsUrl: config.SIP_WS_URL,
        authorizationUsername: id,
        authorizationPassword: profile!.sipPassword,
        displayName: user.displayName,
        iceServers: [...config.iceServers],
      };
    },
  );
};
