import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';

type Handler = (...args: never[]) => void;
const socketHandlers = new Map<string, Handler>();
const managerHandlers = new Map<string, Handler>();
vi.mock('../../services/socket.ts', () => ({
  connectSocket: () => ({
    on: (name: string, h: Handler) => socketHandlers.set(name, h),
    io: { on: (name: string, h: Handler) => managerHandlers.set(name, h) },
  }),
}));

const { useSupervisionStore } = await import('./store.ts');

const push = (p: { callId: string; mode: string | null; audience: 'supervisor' | 'agent' }) =>
  (socketHandlers.get('supervision:monitor') as unknown as (p: unknown) => void)(p);
const reconnect = () => (managerHandlers.get('reconnect') as unknown as () => void)();

describe('supervision store: sessions across a reconnect', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    socketHandlers.clear();
    managerHandlers.clear();
  });

  it('forgets every session on reconnect and keeps what the server tells again', () => {
    const store = useSupervisionStore();
    store.subscribe();
    push({ callId: 'c1', mode: 'listen', audience: 'supervisor' });
    push({ callId: 'c2', mode: 'barge', audience: 'supervisor' });
    push({ callId: 'c9', mode: 'whisper', audience: 'agent' });
    expect([...store.modes]).toEqual([
      ['c1', 'listen'],
      ['c2', 'barge'],
    ]);
    expect(store.monitoredCallId).toBe('c9');

    // The server restarted: its sessions are gone; one of them (c2) would be told again if it still held.
    reconnect();
    expect(store.modes.size).toBe(0);
    expect(store.monitoredCallId).toBeNull();
    expect(store.reconnects).toBe(1);
    push({ callId: 'c2', mode: 'barge', audience: 'supervisor' });
    expect([...store.modes]).toEqual([['c2', 'barge']]);
  });
});
