import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './contracts.ts';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'disconnected';

let socket: RealtimeSocket | undefined;
let lastStatus: RealtimeStatus = 'idle';
const listeners = new Set<(status: RealtimeStatus) => void>();

function emitStatus(status: RealtimeStatus): void {
  lastStatus = status;
  for (const listener of listeners) listener(status);
}

/** Subscribe to connection status changes (called at once with the current one); returns the unsubscribe. */
export function onRealtimeStatus(listener: (status: RealtimeStatus) => void): () => void {
  listeners.add(listener);
  listener(lastStatus);
  return () => listeners.delete(listener);
}

/**
 * Connects to socket.io on the console's own origin after sign-in. The httpOnly session cookie rides on the
 * handshake, so the server authenticates the socket exactly like an API request.
 * WebSocket only: server instances are stateless behind a load balancer, and HTTP long-polling would need
 * sticky sessions to keep one socket's requests on one instance.
 */
export function connectSocket(): RealtimeSocket {
  if (socket) {
    if (!socket.connected) socket.connect();
    return socket;
  }
  const created: RealtimeSocket = io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
  created.on('connect', () => emitStatus('connected'));
  created.on('disconnect', () => emitStatus('disconnected'));
  created.on('connect_error', () => emitStatus('disconnected'));
  created.io.on('reconnect_attempt', () => emitStatus('connecting'));
  emitStatus('connecting');
  socket = created;
  return created;
}

/** Closes the socket on sign-out; the next sign-in opens a fresh one carrying the new session cookie. */
export function disconnectSocket(): void {
  if (!socket) return;
  socket.removeAllListeners();
  socket.io.removeAllListeners();
  socket.disconnect();
  socket = undefined;
  emitStatus('idle');
}

export function currentSocket(): RealtimeSocket | undefined {
  return socket;
}
