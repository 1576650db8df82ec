// A TCP proxy of our own for fault tests: 127.0.0.1:<port> → target, byte for byte, one upstream
// connection per client. `cut(ms)` is the outage: every open connection is destroyed at once (both sides
// see a reset, as when a link or a host dies) and, for `ms`, nothing listens on the port, so new
// connections are refused; then it listens again on the same port.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface FaultProxy {
  port: number;
  /** The proxy's URL form of `url`: same scheme, credentials, path and query, host 127.0.0.1:<port>. */
  rewrite(url: string): string;
  /** Destroys open connections and refuses new ones for `ms`. Resolves when the outage is over. */
  cut(ms: number): Promise<void>;
  /** Starts an outage and returns at once; `over` resolves when the port listens again. */
  cutFor(ms: number): { over: Promise<void> };
  /** Connections currently forwarded. */
  readonly open: number;
  /** True while an outage lasts. */
  readonly down: boolean;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let down = false;
  let closed = false;

  const onClient = (client: Socket) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  let server: Server = createServer(onClient);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  const port = await listen(0);

  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));

  const cutFor = (ms: number) => {
    if (down) throw new Error('the proxy is already cut');
    down = true;
    const closing = stopListening();
    // A reset rather than a FIN (a dead host sends nothing at all; a reset is the nearest a proxy can
    // do, and what a restarting peer's kernel would send).
    for (const s of sockets) s.resetAndDestroy();
    sockets.clear();
    const over = closing
      .then(() => new Promise((r) => setTimeout(r, ms)))
      .then(async () => {
        if (closed) return;
        server = createServer(onClient);
        await listen(port);
        down = false;
      });
    return { over };
  };

  return {
    port,
    rewrite(url: string) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
    },
    cut: (ms) => cutFor(ms).over,
    cutFor,
    get open() {
      return sockets.size / 2;
    },
    get down() {
      return down;
    },
    async close() {
      closed = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!down) await stopListening();
    },
  };
}
