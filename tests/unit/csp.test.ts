import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const base = { nonce: "abc123==", allowHttpImages: false, dev: false };

  it("allows scripts only with the request's nonce (and what they load), nothing framed, no plugins", () => {
    const policy = directives(contentSecurityPolicy(base));
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["img-src"]).toEqual(["'self'", "blob:", "https:"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("allows http images only when ALLOW_HTTP_IMAGE_URLS is on", () => {
    expect(directives(contentSecurityPolicy({ ...base, allowHttpImages: true }))["img-src"]).toContain(
      "http:",
    );
  });

  it("allows eval only for next dev", () => {
    expect(directives(contentSecurityPolicy(base))["script-src"]).not.toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ ...base, dev: true }))["script-src"]).toContain(
      "'unsafe-eval'",
    );
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
