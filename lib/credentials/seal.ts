// Provider credentials at rest: AES-256-GCM with a key derived (HKDF-SHA-256) from CREDENTIALS_SECRET,
// or from AUTH_SECRET when that is not set. The provider's name is bound in as associated data, so a
// row copied to another provider does not open. Changing the secret makes stored credentials
// unreadable: the app then uses the environment's until an admin stores them again.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte key from the secret (several services may share one secret: the info keeps them apart). */
export function credentialsKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "claude-chat credentials", "provider-credentials", 32));
}

export function seal(key: Buffer, plaintext: string, associated: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associated, "utf8"));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64")}`;
}

/** The plaintext, or null when it cannot be opened (another key, another provider, tampered with). */
export function open(key: Buffer, stored: string, associated: string): string | null {
  const [version, payload] = stored.split(":");
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, "base64");
  if (bytes.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(associated, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
