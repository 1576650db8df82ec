import type { ErrorBody, ErrorDetail } from './contracts.ts';

/** Codes the console produces itself when there is no server answer to read. */
export const CLIENT_ERROR_CODES = { network: 'RS_NETWORK', badResponse: 'RS_BAD_RESPONSE' } as const;

/** Every failed request surfaces as this, so components translate `code` and never parse bodies. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Skip the session-expired hook (used by /api/auth/me and login, where a 401 is an ordinary answer). */
  expectUnauthenticated?: boolean;
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

let unauthenticatedHandler: (() => void) | undefined;

/** Called when any request answers 401 after sign-in: the session store uses it to send the user to /login. */
export function onUnauthenticated(handler: (() => void) | undefined): void {
  unauthenticatedHandler = handler;
}

export function createApi(fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    };
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }

    let response: Response;
    try {
      response = await fetchImpl(path, init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, CLIENT_ERROR_CODES.network, cause instanceof Error ? cause.message : 'Network error');
    }

    if (!response.ok) {
      const error = await toApiError(response);
      if (error.status === 401 && !options.expectUnauthenticated) unauthenticatedHandler?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, 'Response is not JSON');
    }
  }

  return {
    request,
    get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'GET' }),
    post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'POST', body }),
  };
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'Request failed');
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback; // a proxy's HTML error page, or an empty body
  }
  if (!isErrorBody(body)) return fallback;
  return new ApiError(response.status, body.code, body.message ?? '', Array.isArray(body.details) ? body.details : []);
}

function isErrorBody(body: unknown): body is Partial<ErrorBody> & { code: string } {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

export const api = createApi();
export type Api = ReturnType<typeof createApi>;
