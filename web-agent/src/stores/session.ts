import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { authApi } from '../services/auth.ts';
import { isApiError } from '../services/api.ts';
import { connectSocket, disconnectSocket } from '../services/socket.ts';
import type { LoginBody, User } from '../services/contracts.ts';
import { visibleModules } from '../modules/navigation.ts';

/**
 * The signed-in user, mirrored from the server. `unknown` until the first /api/auth/me answer,
 * so a reload restores the session before the router decides where to go.
 */
export type SessionStatus = 'unknown' | 'anonymous' | 'authenticated';

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  const status = ref<SessionStatus>('unknown');
  let restoring: Promise<void> | undefined;

  const roles = computed(() => user.value?.roles ?? []);
  const modules = computed(() => visibleModules(roles.value));

  function signedIn(next: User): void {
    user.value = next;
    status.value = 'authenticated';
    connectSocket();
  }

  function signedOut(): void {
    user.value = null;
    status.value = 'anonymous';
    disconnectSocket();
  }

  /** Asks the server once who we are; concurrent callers (router guard, app start) share the request. */
  function restore(): Promise<void> {
    if (status.value !== 'unknown') return Promise.resolve();
    restoring ??= authApi
      .me()
      .then(({ user: me }) => signedIn(me))
      .catch((error: unknown) => {
        // 401 is the ordinary "not signed in"; anything else (server down) also lands on the login page.
        if (!isApiError(error)) console.error('Session restore failed', error);
        signedOut();
      })
      .finally(() => {
        restoring = undefined;
      });
    return restoring;
  }

  async function login(credentials: LoginBody): Promise<User> {
    const { user: me } = await authApi.login(credentials);
    signedIn(me);
    return me;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      signedOut();
    }
  }

  /** The server said 401 mid-session (cookie expired or revoked). */
  function expire(): void {
    if (status.value === 'authenticated') signedOut();
  }

  return { user, status, roles, modules, restore, login, logout, expire };
});
