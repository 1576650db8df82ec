// The ARI event websocket (/ari/events?app=NAME). Connecting registers the Stasis app; losing the socket
// leaves our channels in Asterisk but stops events, so we reconnect with backoff until close().
// Pings detect a silently dead TCP connection (no FIN) that would otherwise look connected forever.
import WebSocket from 'ws';
import { PbxError } from '../port/errors.ts';
import type { AriEvent } from './ari-json.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';

export type SocketStatus =
  | { kind: 'connected' }
  | { kind: 'disconnected'; reason: string }
  | { kind: 'reconnected'; attempts: number; downtimeMs: number };

export interface EventSocketOptions {
  url: string;
  user: string;
  password: string;
  app: string;
  backoff?: BackoffOptions;
  pingIntervalMs?: number;
  onEvent: (event: AriEvent) => void;
  onStatus: (status: SocketStatus) => void;
  /** Runs after every (re)open, before the status is reported: re-subscribe event sources here. */
  onOpen?: () => Promise<void>;
}

export class EventSocket {
  private ws: WebSocket | undefined;
  private closed = false;
  private everConnected = false;
  private attempts = 0;
  private downSince = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private firstConnect: { resolve: () => void; reject: (e: Error) => void } | undefined;
  connected = false;

  constructor(private readonly opts: EventSocketOptions) {}

  /** Resolves once the socket is open; keeps retrying until then (rejects on bad credentials or close()). */
  start(): Promise<void> {
    this.closed = false;
    return new Promise((resolve, reject) => {
      this.firstConnect = { resolve, reject };
      this.open();
    });
  }

  stop(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.ws?.removeAllListeners();
    this.ws?.on('error', () => undefined);
    this.ws?.terminate();
    this.ws = undefined;
    this.connected = false;
    this.firstConnect?.reject(new PbxError('unavailable', 'closed before the ARI connection was established'));
    this.firstConnect = undefined;
  }

  /** For tests and operators: drop the TCP connection as a network failure would. */
  dropForTest(): void {
    this.ws?.terminate();
  }

  private open(): void {
    const base = this.opts.url.replace(/^http/, 'ws').replace(/\/$/, '');
    const url = `${base}/ari/events?app=${encodeURIComponent(this.opts.app)}&subscribeAll=false`;
    const auth = `Basic ${Buffer.from(`${this.opts.user}:${this.opts.password}`).toString('base64')}`;
    const ws = new WebSocket(url, { headers: { authorization: auth }, handshakeTimeout: 5_000 });
    this.ws = ws;
    ws.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      ws.terminate();
      if ((status === 401 || status === 403) && this.firstConnect) {
        this.firstConnect.reject(new PbxError('unauthorized', `ARI rejected user "${this.opts.user}"`, 'connect', status));
        this.firstConnect = undefined;
        this.closed = true;
      }
    });
    ws.on('open', () => void this.handleOpen(ws));
    ws.on('message', (data: WebSocket.RawData) => this.handleMessage(data));
    ws.on('pong', () => ((ws as WebSocket & { alive?: boolean }).alive = true));
    ws.on('error', () => undefined); // 'close' follows and drives the reconnect
    ws.on('close', (code: number, reason: Buffer) => this.handleClose(ws, `${code} ${reason.toString()}`.trim()));
  }

  private async handleOpen(ws: WebSocket): Promise<void> {
    try {
      await this.opts.onOpen?.();
    } catch {
      // A failed re-subscription must not keep us offline; the next event or command will tell.
    }
    if (ws !== this.ws) return;
    this.connected = true;
    this.startPings(ws);
    if (!this.everConnected) {
      this.everConnected = true;
      this.opts.onStatus({ kind: 'connected' });
      this.firstConnect?.resolve();
      this.firstConnect = undefined;
    } else {
      this.opts.onStatus({ kind: 'reconnected', attempts: this.attempts, downtimeMs: Date.now() - this.downSince });
    }
    this.attempts = 0;
  }

  private handleMessage(data: WebSocket.RawData): void {
    let parsed: AriEvent;
    try {
      parsed = JSON.parse(data.toString()) as AriEvent;
    } catch {
      return; // Asterisk only sends JSON; ignore anything else rather than crash the telephony role.
    }
    this.opts.onEvent(parsed);
  }

  private handleClose(ws: WebSocket, reason: string): void {
    if (ws !== this.ws) return;
    clearInterval(this.pingTimer);
    const wasConnected = this.connected;
    this.connected = false;
    if (this.closed) return;
    if (wasConnected) {
      this.downSince = Date.now();
      this.opts.onStatus({ kind: 'disconnected', reason: reason || 'connection lost' });
    }
    this.attempts++;
    this.retryTimer = setTimeout(() => this.open(), backoffDelay(this.attempts, this.opts.backoff));
  }

  private startPings(ws: WebSocket): void {
    const tagged = ws as WebSocket & { alive?: boolean };
    tagged.alive = true;
    this.pingTimer = setInterval(() => {
      if (!tagged.alive) {
        ws.terminate(); // no pong since the last ping: the peer is gone
        return;
      }
      tagged.alive = false;
      ws.ping();
    }, this.opts.pingIntervalMs ?? 10_000);
  }
}
