// Agent endpoints through ARI dynamic configuration (sorcery.conf maps res_pjsip endpoint/aor/auth to
// AstDB after pjsip.conf, so objects created here are writable and survive restarts; no reload needed).
//
// Dynamic objects cannot inherit pjsip.conf templates, so the settings of the WebRTC template are
// written out here. The per-host ones (DTLS files, media address for the loopback ICE workaround) are
// copied from the concrete endpoint `ringside-agent-defaults` in pjsip.conf when it exists, so a
// rendered config (main or e2e instance) stays the single source of them.
import { PbxError } from '../port/errors.ts';
import type { AgentEndpointSpec, PbxProvisioning } from '../port/provisioning.ts';
import { AriRest, seg } from './rest.ts';

export interface AsteriskProvisioningOptions {
  url: string;
  user: string;
  password: string;
  requestTimeoutMs?: number;
  /** The concrete endpoint whose host settings are copied (default ringside-agent-defaults). */
  defaultsEndpoint?: string;
}

type Field = { attribute: string; value: string };

const COPIED = ['dtls_cert_file', 'dtls_private_key', 'media_address', 'bind_rtp_to_media_address'] as const;
const FALLBACK: Record<string, string> = {
  dtls_cert_file: '/etc/asterisk/keys/ringside-dtls.crt',
  dtls_private_key: '/etc/asterisk/keys/ringside-dtls.key',
};

export class AsteriskProvisioning implements PbxProvisioning {
  private readonly rest: AriRest;
  private hostSettings: Promise<Record<string, string>> | undefined;

  constructor(private readonly opts: AsteriskProvisioningOptions) {
    this.rest = new AriRest({ url: opts.url, user: opts.user, password: opts.password, timeoutMs: opts.requestTimeoutMs });
  }

  async upsertAgentEndpoint(spec: AgentEndpointSpec): Promise<void> {
    const host = await this.loadHostSettings();
    await this.put('auth', spec.id, [
      { attribute: 'auth_type', value: 'userpass' },
      { attribute: 'username', value: spec.id },
      { attribute: 'password', value: spec.password },
    ]);
    await this.put('aor', spec.id, [
      // One browser per agent: a new registration replaces the old one instead of ringing two tabs.
      { attribute: 'max_contacts', value: '1' },
      { attribute: 'remove_existing', value: 'yes' },
    ]);
    const endpoint: Field[] = [
      { attribute: 'context', value: 'ringside-agents' },
      { attribute: 'disallow', value: 'all' },
      { attribute: 'allow', value: 'opus,ulaw' },
      { attribute: 'webrtc', value: 'yes' },
      { attribute: 'direct_media', value: 'no' },
      { attribute: 'aors', value: spec.id },
      { attribute: 'auth', value: spec.id },
      ...Object.entries(host).map(([attribute, value]) => ({ attribute, value })),
    ];
    if (spec.displayName) endpoint.push({ attribute: 'callerid', value: `"${spec.displayName.replace(/["<>]/g, '')}" <${spec.id}>` });
    await this.put('endpoint', spec.id, endpoint);
  }

  async deleteAgentEndpoint(id: string): Promise<void> {
    for (const type of ['endpoint', 'aor', 'auth'] as const) {
      try {
        await this.rest.request('deleteAgentEndpoint', 'DELETE', `/asterisk/config/dynamic/res_pjsip/${type}/${seg(id)}`);
      } catch (err) {
        if (!(err instanceof PbxError && err.code === 'not-found')) throw err;
      }
    }
  }

  private async put(type: 'endpoint' | 'aor' | 'auth', id: string, fields: Field[]): Promise<void> {
    await this.rest.request('upsertAgentEndpoint', 'PUT', `/asterisk/config/dynamic/res_pjsip/${type}/${seg(id)}`, {}, { fields });
  }

  /** Read once per process: host settings change only with a re-render (and a restart of the server's PBX). */
  private loadHostSettings(): Promise<Record<string, string>> {
    this.hostSettings ??= this.readDefaults().catch(() => ({ ...FALLBACK }));
    return this.hostSettings;
  }

  private async readDefaults(): Promise<Record<string, string>> {
    const name = this.opts.defaultsEndpoint ?? 'ringside-agent-defaults';
    const fields = await this.rest.request<Field[]>('readDefaults', 'GET', `/asterisk/config/dynamic/res_pjsip/endpoint/${seg(name)}`);
    const out: Record<string, string> = { ...FALLBACK };
    for (const f of fields) {
      if ((COPIED as readonly string[]).includes(f.attribute) && f.value !== '') out[f.attribute] = f.value;
    }
    // An unset media address reads back as an empty string; without it the bind flag means nothing.
    if (!out.media_address) delete out.bind_rtp_to_media_address;
    return out;
  }
}

export function createAsteriskProvisioning(opts: AsteriskProvisioningOptions): PbxProvisioning {
  return new AsteriskProvisioning(opts);
}
