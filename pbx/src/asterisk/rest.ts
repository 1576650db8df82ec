// A minimal ARI REST client on fetch. ARI takes parameters as a query string; a JSON body is only
// needed for `variables`. Every failure becomes a PbxError (see http-errors.ts).
import { errorFromNetwork, errorFromResponse } from './http-errors.ts';

export interface AriRestOptions {
  /** e.g. http://127.0.0.1:8088 */
  url: string;
  user: string;
  password: string;
  timeoutMs?: number;
}

export type Query = Record<string, string | number | boolean | undefined>;

export class AriRest {
  private readonly base: string;
  private readonly auth: string;

  constructor(private readonly opts: AriRestOptions) {
    this.base = `${opts.url.replace(/\/$/, '')}/ari`;
    this.auth = `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString('base64')}`;
  }

  /** Performs one request; resolves with the parsed JSON body (undefined for 204). */
  async request<T = unknown>(
    command: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    query: Query = {},
    body?: unknown,
  ): Promise<T> {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
    const url = `${this.base}${path}${qs.size ? `?${qs.toString()}` : ''}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: { authorization: this.auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : null,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw errorFromNetwork(command, err);
    }
    const text = await res.text();
    if (!res.ok) throw errorFromResponse(command, res.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Path segment escaping: ids chosen by callers may contain characters like ";" (Local channels). */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
