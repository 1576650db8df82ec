// Small process helpers for the provisioning scripts. We spawn without a shell so arguments
// (paths, passwords) never need quoting.
import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  /** Text written to the child's stdin, then closed. */
  input?: string;
  /** Kill the child after this many milliseconds (default: no limit). */
  timeoutMs?: number;
  /** Stream the child's output to ours (long runs such as debootstrap). */
  inheritOutput?: boolean;
}

/** Runs a command and resolves with its exit code and output; never rejects on a non-zero exit. */
export function run(cmd: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (opts.inheritOutput) process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (opts.inheritOutput) process.stderr.write(d);
    });
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    // A child that exits without reading stdin makes our write fail with EPIPE: that is not an error.
    child.stdin.on('error', () => undefined);
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** Runs a command and throws with its stderr when it fails. */
export async function runOrThrow(cmd: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const res = await run(cmd, args, opts);
  if (res.code !== 0) {
    const detail = (res.stderr || res.stdout).trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${res.code}:\n${detail}`);
  }
  return res;
}

/** True when `cmd` resolves on PATH (or is an absolute path that exists). */
export async function commandExists(cmd: string): Promise<boolean> {
  const res = await run('sh', ['-c', 'command -v "$0"', cmd]).catch(() => ({ code: 1 }));
  return res.code === 0;
}

/** The provisioning scripts mount, chroot and chown: they need root. */
export function assertRoot(what: string): void {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${what} needs root (mount, chroot, chown). Re-run as root, e.g. with sudo.`);
  }
}
