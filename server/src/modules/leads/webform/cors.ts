import type { FastifyReply, FastifyRequest } from 'fastify';

export function parseOrigins(csv: string): Set<string> {
  return new Set(csv.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean));
}

/**
 * The allow-list decision for the public form. A browser always sends Origin on a cross-site POST; a
 * request without one (curl, server-side relay) is not a browser and CORS does not apply. The console's
 * own origin is allowed so the live preview works.
 */
export function originAllowed(req: FastifyRequest, allowed: Set<string>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  return origin === `${req.protocol}://${req.host}`;
}

export function setCorsHeaders(req: FastifyRequest, reply: FastifyReply): void {
  const origin = req.headers.origin;
  if (!origin) return;
  void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}
