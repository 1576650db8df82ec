// The fake PSTN carrier for end-to-end tests: a third instance from the cached root, named apart from the
// developer's `carrier` so both can run (instance dirs are per name; the namespace separates the ports).
// Started by inside.ts next to the e2e Asterisk, on the namespace's 127.0.0.1:5070.
import { startCarrier, stopCarrier } from '../../../pbx/scripts/carrier.ts';

export const CARRIER_E2E_INSTANCE = 'carrier-e2e';

export async function startE2eCarrier(root: string): Promise<{ ms: number }> {
  const r = await startCarrier({ root, instance: CARRIER_E2E_INSTANCE });
  return { ms: r.ms };
}

export async function stopE2eCarrier(root: string): Promise<void> {
  await stopCarrier({ root, instance: CARRIER_E2E_INSTANCE });
}
