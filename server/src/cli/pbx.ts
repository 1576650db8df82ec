// `npm run pbx:provision|start|stop|status`, and the functions `npm start` / `npm test` call.
// A thin layer: options come from the validated config; the work is in @ringside/pbx/provision.
import {
  FAKE_CARRIER_TRUNK,
  pbxStatus,
  provisionRoot,
  startCarrier,
  startPbx,
  stopCarrier,
  stopPbx,
  waitForAri,
  type StartPbxOptions,
} from '@ringside/pbx/provision';
import { configFromEnvironment, type Config } from '../config/index.ts';

type PbxConfig = Pick<Config, 'PBX_ROOT' | 'ARI_URL' | 'ARI_USER' | 'ARI_PASSWORD' | 'ARI_APP'>;

/** Asterisk's HTTP server binds where ARI_URL points, so the two can never disagree. */
export function pbxOptionsFromConfig(config: PbxConfig): StartPbxOptions {
  if (!config.ARI_PASSWORD) {
    throw new Error(
      'ARI_PASSWORD is empty. Run `npm start` once (it generates one into .env) or add ARI_PASSWORD=<secret> to .env.',
    );
  }
  const url = new URL(config.ARI_URL);
  return {
    root: config.PBX_ROOT,
    ari: { user: config.ARI_USER, password: config.ARI_PASSWORD, app: config.ARI_APP },
    httpBindAddress: url.hostname,
    httpPort: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    // Outbound campaigns dial through this trunk to the fake carrier (pbx/scripts/carrier.ts).
    trunk: FAKE_CARRIER_TRUNK,
  };
}

export interface EnsurePbxResult {
  provisionMs: number;
  action: 'started' | 'restarted' | 'reloaded' | 'unchanged';
  version: string;
  ms: number;
}

/** Provisions (first time), renders, starts or reloads Asterisk, and returns once ARI answers. Idempotent. */
export async function ensurePbxRunning(config: PbxConfig): Promise<EnsurePbxResult> {
  const started = Date.now();
  const options = pbxOptionsFromConfig(config);
  const provision = await provisionRoot({ root: config.PBX_ROOT });
  const start = await startPbx(options);
  // The fake PSTN carrier the dialer's trunk points at (second instance; needs the main one's mounts).
  await startCarrier({ root: config.PBX_ROOT });
  const ari = await waitForAri({
    url: config.ARI_URL,
    user: config.ARI_USER,
    password: config.ARI_PASSWORD,
    timeoutMs: 30_000,
  });
  return { provisionMs: provision.ms, action: start.action, version: ari.version, ms: Date.now() - started };
}

export async function stopPbxFromConfig(config: Pick<Config, 'PBX_ROOT'>): Promise<void> {
  await stopCarrier({ root: config.PBX_ROOT });
  await stopPbx({ root: config.PBX_ROOT });
}

async function main(command: string | undefined): Promise<void> {
  const config = configFromEnvironment();
  switch (command ?? '') {
    case 'provision': {
      const r = await provisionRoot({ root: config.PBX_ROOT });
      console.log(r.built ? `Built ${r.root} in ${r.ms} ms` : `${r.root} is already provisioned`);
      return;
    }
    case 'start': {
      const r = await ensurePbxRunning(config);
      console.log(`Asterisk ${r.version}: ${r.action}; ARI answers at ${config.ARI_URL} (${r.ms} ms)`);
      return;
    }
    case 'stop': {
      await stopCarrier({ root: config.PBX_ROOT });
      const r = await stopPbx({ root: config.PBX_ROOT });
      console.log(r.wasRunning ? `Asterisk stopped (${r.ms} ms)` : 'Asterisk was not running');
      return;
    }
    case 'status': {
      console.log(JSON.stringify(await pbxStatus({ root: config.PBX_ROOT }), null, 2));
      return;
    }
    default:
      throw new Error(`Usage: tsx server/src/cli/pbx.ts provision|start|stop|status (got ${command ?? 'nothing'})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((err: unknown) => {
    console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
