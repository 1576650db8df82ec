// The reconnect loop against an in-process websocket server standing in for /ari/events.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { EventSocket, type SocketStatus } from './event-socket.ts';
import type { AriEvent } from './ari-json.ts';

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let server: WebSocketServer | undefined;
let socket: EventSocket | undefined;
afterEach(() => {
  socket?.stop();
  server?.close();
});

function startServer(verify?: (auth: string | undefined) => boolean): { url: string; clients: WebSocket[]; urls: string[] } {
  const clients: WebSocket[] = [];
  const urls: string[] = [];
  server = new WebSocketServer({
    port: 0,
    verifyClient: (info: { req: IncomingMessage }) => (verify ? verify(info.req.headers.authorization) : true),
  });
  server.on('connection', (ws, req) => {
    clients.push(ws);
    urls.push(req.url ?? '');
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, clients, urls };
}

describe('EventSocket', () => {
  it('registers the app, delivers events, and reconnects after a dropped connection', async () => {
    const srv = startServer();
    const statuses: SocketStatus[] = [];
    const events: AriEvent[] = [];
    let opens = 0;
    socket = new EventSocket({
      url: srv.url,
      user: 'u',
      password: 'p',
      app: 'ringside-test',
      backoff: { initialMs: 20, maxMs: 50 },
      onEvent: (e) => events.push(e),
      onStatus: (s) => statuses.push(s),
      onOpen: () => Promise.resolve(void opens++),
    });
    await socket.start();
    expect(srv.urls[0]).toBe('/ari/events?app=ringside-test&subscribeAll=false');
    srv.clients[0]!.send(JSON.stringify({ type: 'StasisEnd' }));
    await until(() => events.length === 1);

    srv.clients[0]!.terminate();
    await until(() => statuses.some((s) => s.kind === 'reconnected'));
    expect(statuses.map((s) => s.kind)).toEqual(['connected', 'disconnected', 'reconnected']);
    expect(opens).toBe(2);
    srv.clients[1]!.send(JSON.stringify({ type: 'StasisStart' }));
    await until(() => events.length === 2);
  });

  it('keeps retrying until the PBX comes up', async () => {
    const srv = startServer();
    const port = (server!.address() as AddressInfo).port;
    server!.close();
    const statuses: SocketStatus[] = [];
    socket = new EventSocket({
      url: srv.url,
      user: 'u',
      password: 'p',
      app: 'a',
      backoff: { initialMs: 20, maxMs: 40 },
      onEvent: () => undefined,
      onStatus: (s) => statuses.push(s),
    });
    const started = socket.start();
    await new Promise((r) => setTimeout(r, 100));
    server = new WebSocketServer({ port });
    await started;
    expect(statuses.map((s) => s.kind)).toEqual(['connected']);
  });

  it('fails fast on rejected credentials', async () => {
    const srv = startServer(() => false);
    socket = new EventSocket({ url: srv.url, user: 'u', password: 'bad', app: 'a', onEvent: () => undefined, onStatus: () => undefined });
    await expect(socket.start()).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
