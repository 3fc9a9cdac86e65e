// bcrypt reads only the first 72 bytes of a password, so new hashes bcrypt an HMAC-SHA-256 of it
// (44 base64 characters: no NUL bytes, every byte of the password counts) and carry PREHASHED in
// front. Hashes stored before that have no marker and are checked with plain bcrypt.
import { createHmac } from "node:crypto";
import bcrypt from "bcryptjs";

const COST = 11;
const PREHASHED = "hmac-sha256:";
// Not a secret: a fixed key only separates these digests from plain SHA-256 ones (lists of
// SHA-256-hashed leaked passwords cannot be matched against them).
const PREHASH_KEY = "claude-chat/password/v1";

function prehash(password: string): string {
  // NFKC, as NIST SP 800-63B suggests: the same password typed on another keyboard or input method
  // (composed accents, full-width letters) is the same password.
  return createHmac("sha256", PREHASH_KEY).update(password.normalize("NFKC")).digest("base64");
}

export async function hashPassword(password: string): Promise<string> {
  return PREHASHED + (await bcrypt.hash(prehash(password), COST));
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith(PREHASHED)) return bcrypt.compare(prehash(password), hash.slice(PREHASHED.length));
  return bcrypt.compare(password, hash);
}

/** A hash in the old format (plain bcrypt): replace it after the next successful sign-in. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(PREHASHED);
}
