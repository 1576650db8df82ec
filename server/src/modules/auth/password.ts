import argon2 from 'argon2';

// argon2id with the library's defaults (m=64 MiB, t=3): OWASP's recommended family, ~50 ms on our 2 cores.
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
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
