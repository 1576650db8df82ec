// A PBX command inside a cleanup sequence (ending a call, dropping a supervisor's snoop, handing a
// channel back), where one failed step must not stop the steps after it. "Gone" is the expected failure
// (the far end hung up, the bridge went with the call) and is not news; any other failure is logged with
// what we were doing and for which call, so it is seen rather than swallowed.
import { isGone } from '@ringside/pbx';
import type { FastifyBaseLogger } from 'fastify';

export async function cleanupStep(
  log: Pick<FastifyBaseLogger, 'warn'>,
  command: Promise<unknown>,
  what: string,
  context: Record<string, unknown>,
): Promise<void> {
  try {
    await command;
  } catch (err) {
    if (!isGone(err))
      log.warn({ err, ...context }, `telephony: ${what} failed; carrying on with the cleanup`);
  }
}
