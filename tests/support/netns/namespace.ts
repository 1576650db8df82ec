// A private network namespace for WebRTC tests on a loopback-only host (see /work/shared/pbx/asterisk-notes.md):
// `lo` up plus a veth pair with BOTH ends inside the namespace. pjlib never offers loopback ICE host
// candidates, so Asterisk needs a non-loopback address (10.99.0.1) that rtp.conf maps to 127.0.0.1.
// Nothing in the namespace can reach the host's network, so no test packet can leave the machine.
import { execFileSync } from 'node:child_process';

export const VETH_LOCAL = '10.99.0.1';
const VETH_PEER = '10.99.0.2';

function ip(args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function namespaceExists(name: string): boolean {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .some((line) => line.split(' ')[0] === name);
}

/** Creates the namespace (replacing a stale one of the same name left by a killed run). */
export function createNamespace(name: string): void {
  if (namespaceExists(name)) deleteNamespace(name);
  ip(['netns', 'add', name]);
  const inNs = (...args: string[]) => ip(['-n', name, ...args]);
  inNs('link', 'set', 'lo', 'up');
  // Created inside the namespace directly: the host's interface list is never touched.
  inNs('link', 'add', 'rsv0', 'type', 'veth', 'peer', 'name', 'rsv1');
  inNs('addr', 'add', `${VETH_LOCAL}/32`, 'dev', 'rsv0');
  inNs('addr', 'add', `${VETH_PEER}/32`, 'dev', 'rsv1');
  inNs('link', 'set', 'rsv0', 'up');
  inNs('link', 'set', 'rsv1', 'up');
}

/** Deleting the namespace also deletes the veth pair inside it. Processes inside must be gone first. */
export function deleteNamespace(name: string): void {
  try {
    ip(['netns', 'delete', name]);
  } catch {
    // already gone
  }
}

/** argv prefix that runs a command inside the namespace. */
export function inNamespace(name: string, command: string, args: readonly string[]): [string, string[]] {
  return ['ip', ['netns', 'exec', name, command, ...args]];
}

/** Pids of every process whose network namespace is `name` (to kill stragglers before deleting it). */
export function pidsInNamespace(name: string): number[] {
  try {
    return execFileSync('ip', ['netns', 'pids', name], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    return [];
  }
}
