// After the PBX came back (its event stream reconnected, e.g. Asterisk restarted), the phones of agents
// who are signed in are provisioned again: a PBX that lost its dynamic configuration (a new node, a wiped
// AstDB) would otherwise refuse their registration until each console reloads. Idempotent, and run
// beside the event chain: it only talks to the PBX's configuration, not to calls.
import { eq, inArray } from 'drizzle-orm';
import { agentProfiles } from '../../db/schema/telephony.ts';
import { users } from '../../db/schema/users.ts';
import type { TelephonyRuntime } from './runtime.ts';

export async function reprovisionSignedInPhones(rt: TelephonyRuntime): Promise<number> {
  const ids = [...rt.agents.values()].filter((s) => s.status.kind !== 'signedOut').map((s) => s.agentId);
  if (!ids.length) return 0;
  const rows = await rt.deps.db
    .select({
      userId: agentProfiles.userId,
      password: agentProfiles.sipPassword,
      displayName: users.displayName,
    })
    .from(agentProfiles)
    .innerJoin(users, eq(users.id, agentProfiles.userId))
    .where(inArray(agentProfiles.userId, ids));
  let done = 0;
  for (const r of rows) {
    try {
      await rt.deps.provisioning.upsertAgentEndpoint({
        id: `agent-${r.userId}`,
        password: r.password,
        displayName: r.displayName,
      });
      done += 1;
    } catch (err) {
      rt.log.warn(
        { err, agentId: r.userId },
        'telephony: phone not provisioned again after the PBX came back',
      );
    }
  }
  return done;
}
