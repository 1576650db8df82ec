import { api } from './api.ts';
import type { LoginBody, User } from './contracts.ts';

// Thin wrappers over the auth routes; the session cookie is httpOnly, so the console never sees it.
export const authApi = {
  login: (body: LoginBody) => api.post<{ user: User }>('/api/auth/login', body, { expectUnauthenticated: true }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { expectUnauthenticated: true }),
  me: () => api.get<{ user: User }>('/api/auth/me', { expectUnauthenticated: true }),
};
