// A few ARI calls for the WebRTC tests (inside the namespace): dynamic PJSIP endpoints in AstDB exactly
// like the server provisions agents, originate, channel listing. Plain fetch; credentials from the config.
import type { Config } from '../../../server/src/config/index.ts';

type AriConfig = Pick<Config, 'ARI_URL' | 'ARI_USER' | 'ARI_PASSWORD'>;

export function ariClient(config: AriConfig) {
  const auth = `Basic ${Buffer.from(`${config.ARI_USER}:${config.ARI_PASSWORD}`).toString('base64')}`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${config.ARI_URL}/ari${path}`, {
      method,
      headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!res.ok) throw new Error(`ARI ${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const fields = (o: Record<string, string>) => ({ fields: Object.entries(o).map(([attribute, value]) => ({ attribute, value })) });

  return {
    call,
    /** A WebRTC endpoint in AstDB (same fields as the ringside-webrtc-endpoint template plus loopback media). */
    async provisionWebrtcEndpoint(id: string, password: string): Promise<void> {
      await call('PUT', `/asterisk/config/dynamic/res_pjsip/auth/${id}`, fields({ auth_type: 'userpass', username: id, password }));
      await call('PUT', `/asterisk/config/dynamic/res_pjsip/aor/${id}`, fields({ max_contacts: '1', remove_existing: 'yes' }));
      await call(
        'PUT',
        `/asterisk/config/dynamic/res_pjsip/endpoint/${id}`,
        fields({
          aors: id,
          auth: id,
          context: 'ringside-agents',
          disallow: 'all',
          allow: 'opus,ulaw',
          webrtc: 'yes',
          dtls_cert_file: '/etc/asterisk/keys/ringside-dtls.crt',
          dtls_private_key: '/etc/asterisk/keys/ringside-dtls.key',
          direct_media: 'no',
          media_address: '127.0.0.1',
          bind_rtp_to_media_address: 'yes',
        }),
      );
    },
    originate: (params: Record<string, string>) => call<{ id: string }>('POST', `/channels?${new URLSearchParams(params)}`),
    channels: () => call<{ id: string; name: string; state: string }[]>('GET', '/channels'),
    hangup: (id: string) => call('DELETE', `/channels/${encodeURIComponent(id)}`).catch(() => undefined),
  };
}
