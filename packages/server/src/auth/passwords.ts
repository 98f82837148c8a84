/**
 * Password hashing: argon2id (the OWASP recommendation) via @node-rs/argon2, a prebuilt binary,
 * so no compiler is needed on the machines. Hashing runs on libuv's thread pool, not the event loop.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id, spelled as its value: the package declares Algorithm as an ambient const
// enum, which TypeScript forbids reading under verbatimModuleSyntax.
const ARGON2ID_ALGORITHM = 2 as Algorithm;

/** OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane. */
const ARGON2ID = { algorithm: ARGON2ID_ALGORITHM, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Returns a PHC string ("$argon2id$v=19$m=…") that records its own parameters and salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** True when `password` matches `passwordHash` (made by hashPassword, with any parameters). */
export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return verify(passwordHash, password);
}
