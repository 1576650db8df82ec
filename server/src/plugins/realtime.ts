import { createAdapter } from '@socket.io/redis-adapter';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../contracts/realtime.ts';
import type { SessionUser } from '../modules/auth/guard.ts';
import { SESSION_COOKIE } from '../modules/auth/tokens.ts';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: SessionUser }>;

declare module 'fastify' {
  interface FastifyInstance {
    io: RealtimeServer;
  }
}

/** Rooms a user's sockets join; emitters address people by these, never by socket id. */
export function roomsFor(user: SessionUser): string[] {
  return [`user:${user.id}`, ...user.roles.map((r) => `role:${r}`), ...(user.teamId ? [`team:${user.teamId}`] : [])];
}

export const realtimePlugin = fp(async (app: FastifyInstance) => {
  const io: RealtimeServer = new Server(app.server, { path: '/socket.io', serveClient: false });
  // The Redis adapter lets any server process emit to sockets held by another (scale-out path).
  const pub = app.redis.duplicate();
  const sub = app.redis.duplicate();
  io.adapter(createAdapter(pub, sub));

  // The session cookie authenticates the socket exactly as it does an HTTP request.
  io.use((socket, next) => {
    const token = fastifyCookie.parse(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    app
      .resolveSession(token)
      .then((user) => {
        if (!user) return next(new Error('RS_UNAUTHENTICATED'));
        socket.data.user = user;
        next();
      })
      .catch(() => next(new Error('RS_INTERNAL')));
  });
  io.on('connection', (socket) => {
    void socket.join(roomsFor(socket.data.user));
    socket.emit('session:ready', { userId: socket.data.user.id });
  });

  app.decorate('io', io);
  app.addHook('onClose', async () => {
    await io.close();
    pub.disconnect();
    sub.disconnect();
  });
});
