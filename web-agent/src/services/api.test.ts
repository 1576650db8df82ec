import { describe, expect, it, vi } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES, createApi, onUnauthenticated } from './api.ts';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('api client', () => {
  it('sends JSON with same-origin credentials and parses the JSON answer', async () => {
    const fetchImpl = vi.fn(async (_input: string, _init: RequestInit) => json(200, { user: { id: 'u1' } }));
    const api = createApi(fetchImpl);

    const result = await api.post<{ user: { id: string } }>('/api/auth/login', { username: 'a', password: 'b' });

    expect(result.user.id).toBe('u1');
    const [path, init] = fetchImpl.mock.calls[0]!;
    expect(path).toBe('/api/auth/login');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"username":"a","password":"b"}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('maps an error body to a typed ApiError with status, code, message and details', async () => {
    const details = [{ path: '/username', message: 'must not be empty' }];
    const api = createApi(async () => json(400, { code: 'RS_VALIDATION', message: 'Invalid body', details }));

    const error = await api.post('/api/auth/login', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'RS_VALIDATION', message: 'Invalid body', details });
  });

  it('gives a non-JSON failure an HTTP_<status> code', async () => {
    const api = createApi(async () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    await expect(api.get('/api/health')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', details: [] });
  });

  it('turns a network failure into RS_NETWORK with status 0', async () => {
    const api = createApi(async () => {
      throw new TypeError('Failed to fetch');
    });

    await expect(api.get('/api/health')).rejects.toMatchObject({ status: 0, code: CLIENT_ERROR_CODES.network });
  });

  it('returns undefined for 204 No Content', async () => {
    const api = createApi(async () => new Response(null, { status: 204 }));

    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });

  it('calls the session-expired hook on 401 unless the caller expects it', async () => {
    const hook = vi.fn();
    onUnauthenticated(hook);
    const api = createApi(async () => json(401, { code: 'RS_UNAUTHENTICATED', message: 'no session' }));

    await expect(api.get('/api/auth/me', { expectUnauthenticated: true })).rejects.toBeInstanceOf(ApiError);
    expect(hook).not.toHaveBeenCalled();
    await expect(api.get('/api/customers')).rejects.toMatchObject({ code: 'RS_UNAUTHENTICATED' });
    expect(hook).toHaveBeenCalledTimes(1);
    onUnauthenticated(undefined);
  });
});
