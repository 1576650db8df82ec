import { hash, verify } from '@node-rs/argon2';

// argon2id (OWASP's recommended family) with m=19 MiB, t=2, p=1: OWASP's baseline parameters.
// @node-rs/argon2 ships prebuilt binaries per platform, so installs need no compiler.
// algorithm 2 is Algorithm.Argon2id: the library exports it as a const enum, which isolated modules cannot read.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false; // a malformed hash is a failed login, not a 500
  }
}

/** Verified against when the username does not exist, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('ringside-timing-equaliser');
  return dummyHash;
}
