import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/catalog.ts';
import type { TelephonyRuntime } from './runtime.ts';

/** The runtime of this process, or 503: the telephony role runs elsewhere or the PBX is disabled. */
export function requireTelephony(app: FastifyInstance): TelephonyRuntime {
  if (!app.telephony)
    throw new AppError('RS_PBX_UNAVAILABLE', 'Telephony is not running in this server process');
  return app.telephony;
}

/** Like requireTelephony, and the PBX event stream must be up (commands would fail otherwise). */
export function requireConnectedPbx(app: FastifyInstance): TelephonyRuntime {
  const rt = requireTelephony(app);
  if (!rt.pbx.connected) throw new AppError('RS_PBX_UNAVAILABLE');
  return rt;
}
