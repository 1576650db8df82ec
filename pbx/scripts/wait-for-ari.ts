// Readiness = ARI answers GET /ari/asterisk/info with our credentials. "fully booted" on the CLI comes
// earlier than the HTTP server accepting our user after a reload, so we poll the real thing.

export interface WaitForAriOptions {
  /** Base URL, e.g. http://127.0.0.1:8088 */
  url: string;
  user: string;
  password: string;
  timeoutMs?: number;
  intervalMs?: number;
}

export interface AriInfo {
  version: string;
  ms: number;
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function waitForAri(opts: WaitForAriOptions): Promise<AriInfo> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const url = `${opts.url.replace(/\/$/, '')}/ari/asterisk/info`;
  let last = 'no answer yet';
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(url, {
        headers: { authorization: basicAuth(opts.user, opts.password) },
        signal: AbortSignal.timeout(2_000),
      });
      if (res.ok) {
        const body = (await res.json()) as { system?: { version?: string } };
        return { version: body.system?.version ?? 'unknown', ms: Date.now() - started };
      }
      last =
        res.status === 401
          ? `HTTP 401: ARI rejects user "${opts.user}" (is ARI_PASSWORD the one rendered into ari.conf? run npm run pbx:start)`
          : `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
  throw new Error(`ARI did not answer at ${url} within ${timeoutMs} ms (last: ${last})`);
}
