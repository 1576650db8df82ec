// Who, if anyone, holds the server's port: a trial bind answers "is it free", /proc answers "by whom".
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { commandLine } from './run-files.ts';

/** null when HOST:PORT can be bound now; otherwise the bind error's code (EADDRINUSE, EACCES, …). */
export function bindError(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

export interface PortListener {
  pid: number;
  command: string;
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; st 0A is LISTEN; field 9 is the socket inode.
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1]!.split(':')[1]!, 16) === port) inodes.add(f[9]!);
    }
  }
  return inodes;
}

/**
 * The processes with a TCP socket listening on `port` (any address), read from /proc. undefined where
 * /proc is not there to ask; an empty list when nobody we can see listens.
 */
export function portListeners(port: number): PortListener[] | undefined {
  let pids: string[];
  try {
    readFileSync('/proc/net/tcp');
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  const found: PortListener[] = [];
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    const holds = fds.some((fd) => {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        return target.startsWith('socket:[') && inodes.has(target.slice(8, -1));
      } catch {
        return false;
      }
    });
    if (holds) found.push({ pid: Number(pid), command: commandLine(Number(pid)) ?? '?' });
  }
  return found;
}

export function describeListeners(listeners: PortListener[] | undefined): string {
  if (!listeners?.length) return 'another process';
  return listeners.map((l) => `pid ${l.pid} (${l.command.slice(0, 120)})`).join(', ');
}
