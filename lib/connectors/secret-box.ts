// Connector tokens at rest: AES-256-GCM with a key derived (HKDF-SHA-256) from CONNECTOR_SECRET, or
// from AUTH_SECRET when that is not set. Changing the secret makes stored tokens unreadable: the
// connector then asks for its token again.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function key(): Buffer {
  const { CONNECTOR_SECRET, AUTH_SECRET } = env();
  const secret = CONNECTOR_SECRET ?? AUTH_SECRET;
  if (!secret) throw new Error("CONNECTOR_SECRET or AUTH_SECRET is needed to store connector tokens.");
  return Buffer.from(hkdfSync("sha256", secret, "claude-chat connectors", "connector-token", 32));
}

export function sealToken(token: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64")}`;
}

/** The token, or null when it cannot be opened (another secret, tampered with). */
export function openToken(stored: string): string | null {
  const [version, payload] = stored.split(":");
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
