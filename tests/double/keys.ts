// Which credentials the double refuses, as the real API would: tests name keys (an API key, a bearer
// token or an AWS access key id) as invalid (401 authentication_error) or forbidden (403
// permission_error) through POST /__double/keys; every other key is accepted, so tests that do not
// care about keys are unaffected. Recorded requests carry a hash of their key for tests to compare.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { errorReply, type HttpReply } from "./errors";

export type KeyVerdict = "invalid" | "forbidden";

/** The credential a request carries: its API key, bearer token or SigV4 access key id. */
export function credentialOf(headers: IncomingHttpHeaders): string | null {
  const key = headers["x-api-key"] ?? headers["api-key"];
  if (typeof key === "string" && key) return key;
  const auth = String(headers.authorization ?? "");
  const sigv4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\//.exec(auth);
  if (sigv4?.[1]) return sigv4[1];
  const bearer = /^Bearer (\S+)$/.exec(auth);
  return bearer?.[1] ?? null;
}

/** What tests compare instead of the key itself (recorded requests never hold a secret). */
export function credentialHash(credential: string | null): string | null {
  return credential === null ? null : createHash("sha256").update(credential).digest("hex").slice(0, 16);
}

export class KeyRules {
  private verdicts = new Map<string, KeyVerdict>();

  /** `{ invalid?: string[], forbidden?: string[] }`; false when the body is not that shape. */
  add(body: unknown): boolean {
    if (typeof body !== "object" || body === null) return false;
    const lists = body as Record<string, unknown>;
    const entries: [KeyVerdict, unknown][] = [
      ["invalid", lists.invalid ?? []],
      ["forbidden", lists.forbidden ?? []],
    ];
    if (!entries.every(([, keys]) => Array.isArray(keys) && keys.every((key) => typeof key === "string")))
      return false;
    for (const [verdict, keys] of entries)
      for (const key of keys as string[]) this.verdicts.set(key, verdict);
    return true;
  }

  clear() {
    this.verdicts.clear();
  }

  /** The refusal for this credential, or null when it is accepted. */
  refusal(credential: string | null, rid: string): HttpReply | null {
    const verdict = credential === null ? undefined : this.verdicts.get(credential);
    if (verdict === "invalid") return errorReply(401, "authentication_error", "invalid x-api-key", rid);
    if (verdict === "forbidden")
      return errorReply(
        403,
        "permission_error",
        "Your API key does not have permission to use the specified resource.",
        rid,
      );
    return null;
  }
}
