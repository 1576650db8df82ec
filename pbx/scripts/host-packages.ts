// Host tools the provisioning needs (debootstrap, espeak-ng, sox). A fresh Debian/Ubuntu machine has
// none of them, so the first run installs the missing ones with apt instead of failing halfway.
import { commandExists, runOrThrow } from './exec.ts';

/** Makes sure each command exists, installing its Debian package when it does not. */
export async function ensureHostCommands(
  needed: Readonly<Record<string, string>>,
  log: (line: string) => void,
): Promise<void> {
  const missing: string[] = [];
  for (const [command, pkg] of Object.entries(needed)) if (!(await commandExists(command))) missing.push(pkg);
  if (missing.length === 0) return;
  const args = ['install', '-y', '--no-install-recommends', ...missing];
  log(`${missing.join(', ')} not installed: installing with apt-get (apt-get ${args.join(' ')})…`);
  const env = { timeoutMs: 600_000 };
  // A fresh machine often has no package lists yet: update only when the first try fails.
  await runOrThrow('apt-get', args, env).catch(async () => {
    await runOrThrow('apt-get', ['update'], env);
    await runOrThrow('apt-get', args, env);
  });
}
