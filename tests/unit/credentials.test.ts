// Provider credentials at rest (AES-256-GCM, the provider bound in) and what an admin may send.
import { describe, expect, it } from "vitest";
import { credentialsSchema, fingerprintOf } from "@/lib/credentials/schema";
import { credentialsKey, open, seal } from "@/lib/credentials/seal";
import { parseEnv } from "@/lib/env";

const key = credentialsKey("a-credentials-secret-of-at-least-32-chars");
const secret = JSON.stringify({ provider: "anthropic", apiKey: "sk-ant-api03-secret-ABCD" });

describe("sealed credentials", () => {
  it("open with the same key and provider, and never hold the plaintext", () => {
    const sealed = seal(key, secret, "anthropic");
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain("sk-ant");
    expect(open(key, sealed, "anthropic")).toBe(secret);
    // A fresh IV each time: the same credentials never seal to the same text.
    expect(seal(key, secret, "anthropic")).not.toBe(sealed);
  });

  it("do not open when tampered with", () => {
    const sealed = seal(key, secret, "anthropic");
    const bytes = Buffer.from(sealed.slice(3), "base64");
    for (const at of [0, 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[at] = (tampered[at] ?? 0) ^ 1;
      expect(open(key, `v1:${tampered.toString("base64")}`, "anthropic")).toBeNull();
    }
    expect(open(key, "v1:", "anthropic")).toBeNull();
    expect(open(key, "v2:AAAA", "anthropic")).toBeNull();
  });

  it("do not open with another key or as another provider's", () => {
    const sealed = seal(key, secret, "anthropic");
    expect(open(credentialsKey("another-secret-of-at-least-32-characters"), sealed, "anthropic")).toBeNull();
    expect(open(key, sealed, "foundry")).toBeNull();
  });
});

describe("credentials an admin sends", () => {
  const issue = (body: unknown) => credentialsSchema.safeParse(body).error?.issues[0]?.message;

  it("are accepted per provider, trimmed", () => {
    expect(credentialsSchema.parse({ provider: "anthropic", apiKey: "  sk-ant-1234 " })).toEqual({
      provider: "anthropic",
      apiKey: "sk-ant-1234",
    });
    const serviceAccount = JSON.stringify({
      type: "service_account",
      client_email: "chat@my-project.iam.gserviceaccount.com",
      private_key: "-----BEGIN PRIVATE KEY-----\n…",
    });
    const vertex = {
      provider: "vertex",
      serviceAccountJson: serviceAccount,
      projectId: "my-project",
      region: "us-east5",
    };
    expect(credentialsSchema.parse(vertex)).toEqual(vertex);
    expect(fingerprintOf(credentialsSchema.parse(vertex))).toBe("chat@my-project.iam.gserviceaccount.com");
    const bedrock = {
      provider: "bedrock",
      accessKeyId: "AKIAEXAMPLE7890",
      secretAccessKey: "s3cr3t",
      region: "eu-west-1",
    };
    expect(fingerprintOf(credentialsSchema.parse(bedrock))).toBe("…7890");
  });

  it("are refused with the reason's catalogue key: missing, too long, malformed, unknown fields", () => {
    expect(issue({ provider: "anthropic", apiKey: "   " })).toBe("credentialRequired");
    expect(issue({ provider: "anthropic" })).toBe("credentialRequired");
    expect(issue({ provider: "anthropic", apiKey: "k".repeat(501) })).toBe("credentialTooLong");
    expect(
      issue({ provider: "bedrock", accessKeyId: "akia", secretAccessKey: "s", region: "eu-west-1" }),
    ).toBe("accessKeyIdInvalid");
    expect(
      issue({ provider: "bedrock", accessKeyId: "AKIA1", secretAccessKey: "s", region: "EU WEST" }),
    ).toBe("regionInvalid");
    expect(
      issue({ provider: "vertex", serviceAccountJson: "{not json", projectId: "p", region: "us-east5" }),
    ).toBe("serviceAccountInvalid");
    expect(issue({ provider: "foundry", apiKey: "k", resource: "https://evil.example" })).toBe(
      "resourceInvalid",
    );
    expect(
      credentialsSchema.safeParse({ provider: "anthropic", apiKey: "k", baseURL: "http://x" }).success,
    ).toBe(false);
    expect(credentialsSchema.safeParse({ provider: "openai", apiKey: "k" }).success).toBe(false);
  });
});

describe("credential messages", () => {
  const keys = (value: unknown, prefix = ""): string[] =>
    typeof value !== "object" || value === null
      ? [prefix]
      : Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));

  it("exist in English and Japanese for every refusal the schema gives", async () => {
    const en = (await import("@/lib/i18n/messages/en/admin.json")).default;
    const ja = (await import("@/lib/i18n/messages/ja/admin.json")).default;
    expect(keys(ja).sort()).toEqual(keys(en).sort());
    const reasons = [
      { provider: "anthropic", apiKey: "" },
      { provider: "anthropic", apiKey: "k".repeat(501) },
      { provider: "bedrock", accessKeyId: "a", secretAccessKey: "s", region: "r" },
      { provider: "bedrock", accessKeyId: "A", secretAccessKey: "s", region: "R" },
      { provider: "vertex", serviceAccountJson: "{}", projectId: "p", region: "r" },
      { provider: "foundry", apiKey: "k", resource: "a b" },
    ].map((body) => credentialsSchema.safeParse(body).error?.issues[0]?.message ?? "");
    for (const reason of reasons) {
      expect(en.errors).toHaveProperty(reason);
      expect(ja.errors).toHaveProperty(reason);
    }
  });
});

describe("CREDENTIALS_SECRET", () => {
  it("stops the server when too short, naming the variable but never its value", () => {
    expect(() => parseEnv({ CREDENTIALS_SECRET: "short-secret-value" })).toThrow(
      /CREDENTIALS_SECRET: must be at least 32 characters/,
    );
    expect(() => parseEnv({ CREDENTIALS_SECRET: "short-secret-value" })).not.toThrow(/short-secret-value/);
    expect(parseEnv({ CREDENTIALS_SECRET: "s".repeat(32) }).CREDENTIALS_SECRET).toHaveLength(32);
  });
});
