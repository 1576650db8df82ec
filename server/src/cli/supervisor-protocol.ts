// What the supervisor (cli/supervisor.ts) and the server it runs (main.ts) agree on: exit codes that mean
// "restarting will not help", the IPC messages, and the server's side of the IPC link.

/** Any other fatal error: restart it. */
export const EXIT_FATAL = 1;
/** Invalid configuration (sysexits EX_CONFIG): a restart reads the same settings and fails the same way. */
export const EXIT_CONFIG = 78;
/** listen() found HOST:PORT taken (98 is EADDRINUSE's errno on Linux). */
export const EXIT_PORT_IN_USE = 98;

/** Set by the supervisor on the server it spawns; the server only ties its life to the IPC link then. */
export const SUPERVISED_ENV = 'RINGSIDE_SUPERVISED';

export type ServerMessage = { type: 'listening'; pid: number; host: string; port: number };

/** True when this process was spawned by our supervisor with an IPC channel (never under tests). */
export function isSupervised(): boolean {
  return process.env[SUPERVISED_ENV] === '1' && typeof process.send === 'function';
}

/** Tells the supervisor the server is serving; it then counts this run as started. */
export function notifyListening(host: string, port: number): void {
  if (!isSupervised() || !process.connected) return;
  const message: ServerMessage = { type: 'listening', pid: process.pid, host, port };
  process.send!(message, undefined, {}, (err) => {
    // The supervisor went away meanwhile; the 'disconnect' handler is already shutting us down.
    if (err) console.error(`could not tell the supervisor that the server listens: ${err.message}`);
  });
}

/**
 * The prctl(PR_SET_PDEATHSIG) of Node: the IPC pipe closes when the supervisor dies, however it dies
 * (even SIGKILL), and the server must not outlive it as an orphan holding the port.
 */
export function onSupervisorGone(handler: () => void): void {
  if (!isSupervised()) return;
  process.once('disconnect', handler);
  // The channel must not keep a closing server alive by itself.
  process.channel?.unref();
}
