// The admin's credential routes against the test double: only admins reach them (404 for others, as
// the rest of /admin), input is checked, "Test connection" and Save name why a provider refuses
// (authentication, permission, network) and Save stores nothing then; responses never hold a key.
// Stored Bedrock credentials reach the platform's door of the double in place of the environment's.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Env, parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { credentialHash } from "../double/keys";
import { type DoubleHandle, startDouble } from "../double/server";

const { session, admins, rows } = vi.hoisted(() => ({
  session: { userId: null as string | null },
  admins: new Set<string>(),
  rows: new Map<string, { sealed: string; fingerprint: string; setByEmail: string; setAt: Date }>(),
}));

let current: Env = parseEnv({ DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET });
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  env: () => current,
}));
vi.mock("@/lib/auth", () => ({
  auth: vi.fn(async () => (session.userId ? { user: { id: session.userId } } : null)),
  requireUserId: vi.fn(async () => {
    if (!session.userId) throw new AppError("unauthorized:auth", "Sign in to continue.");
    return session.userId;
  }),
}));
// The table in memory (tests/db/provider-credentials.ts covers the real one): this file's changes must
// not land in the audit log that the database tests read while they run alongside.
vi.mock("@/lib/db/provider-credentials", () => {
  const status = (provider: string) => {
    const row = rows.get(provider);
    return row ? { fingerprint: row.fingerprint, setByEmail: row.setByEmail, setAt: row.setAt } : null;
  };
  return {
    sealedCredential: async (provider: string) => rows.get(provider)?.sealed ?? null,
    credentialStatus: async (provider: string) => status(provider),
    storeCredential: async (
      actor: { email: string },
      provider: string,
      stored: { sealed: string; fingerprint: string },
    ) => {
      rows.set(provider, { ...stored, setByEmail: actor.email, setAt: new Date() });
      return status(provider);
    },
    removeCredential: async (_actor: unknown, provider: string) => rows.delete(provider),
  };
});
vi.mock("@/lib/db/admin-users", () => ({
  findActiveAdmin: vi.fn(async (id: string) => (admins.has(id) ? { id, email: `${id}@example.test` } : null)),
}));

let double: DoubleHandle;
beforeAll(async () => {
  double = await startDouble();
});
afterAll(() => double.close());

function useEnv(source: Record<string, string>) {
  current = parseEnv({
    ANTHROPIC_MAX_RETRIES: "0",
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET,
    ...source,
  });
}

beforeEach(() => {
  double.reset();
  session.userId = null;
  admins.clear();
  useEnv({ ANTHROPIC_API_KEY: "env-key", ANTHROPIC_BASE_URL: double.url });
  rows.clear();
});

const routes = await import("@/app/(chat)/api/admin/credentials/route");
const check = await import("@/app/(chat)/api/admin/credentials/check/route");

function call(method: "GET" | "PUT" | "DELETE" | "POST", body?: unknown) {
  const path = method === "POST" ? "/api/admin/credentials/check" : "/api/admin/credentials";
  const request = new NextRequest(`http://127.0.0.1:3000${path}`, {
    method,
    headers: { host: "127.0.0.1:3000", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const handler = method === "POST" ? check.POST : routes[method];
  return handler(request, { params: Promise.resolve({}) } as never);
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; issues?: { message: string }[] } }).error;

function signInAdmin() {
  session.userId = "admin";
  admins.add("admin");
}

describe("credential routes", () => {
  it("answer 401 signed out and 404 to a signed-in non-admin, storing nothing", async () => {
    const good = { provider: "anthropic", apiKey: "sk-ant-good" };
    for (const method of ["GET", "PUT", "DELETE", "POST"] as const)
      expect((await call(method, method === "GET" || method === "DELETE" ? undefined : good)).status).toBe(
        401,
      );
    session.userId = "someone";
    for (const method of ["GET", "PUT", "DELETE", "POST"] as const) {
      const response = await call(method, method === "GET" || method === "DELETE" ? undefined : good);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found:page");
    }
    expect(double.requests).toHaveLength(0);
  });

  it("refuse bad input with its reason, and credentials of another provider", async () => {
    signInAdmin();
    const empty = await call("PUT", { provider: "anthropic", apiKey: " " });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).issues?.[0]?.message).toBe("credentialRequired");
    const other = await call("POST", { provider: "foundry", apiKey: "k" });
    expect(other.status).toBe(400);
    expect((await errorOf(other)).issues?.[0]?.message).toBe("providerMismatch");
    expect(double.requests).toHaveLength(0);
  });

  it("test a key with a Models API call and name why it is refused", async () => {
    signInAdmin();
    double.keys.add({ invalid: ["sk-ant-revoked"], forbidden: ["sk-ant-no-claude"] });
    const ok = await call("POST", { provider: "anthropic", apiKey: "sk-ant-good" });
    expect(ok.status).toBe(200);
    expect(double.requests.at(-1)?.path).toMatch(/^\/v1\/models\?limit=1/);
    expect(double.requests.at(-1)?.credentialHash).toBe(credentialHash("sk-ant-good"));
    const rejected = await call("POST", { provider: "anthropic", apiKey: "sk-ant-revoked" });
    expect([rejected.status, (await errorOf(rejected)).code]).toEqual([
      400,
      "bad_request:credentials_rejected",
    ]);
    const forbidden = await call("POST", { provider: "anthropic", apiKey: "sk-ant-no-claude" });
    expect([forbidden.status, (await errorOf(forbidden)).code]).toEqual([
      400,
      "bad_request:credentials_forbidden",
    ]);
    useEnv({ ANTHROPIC_API_KEY: "env-key", ANTHROPIC_BASE_URL: "http://127.0.0.1:9" });
    const unreachable = await call("POST", { provider: "anthropic", apiKey: "sk-ant-good" });
    expect([unreachable.status, (await errorOf(unreachable)).code]).toEqual([
      502,
      "upstream:credentials_unreachable",
    ]);
    expect((await (await call("GET")).json()) as unknown).toEqual({ provider: "anthropic", stored: null });
  });

  it("save only credentials that work, sealed, show their fingerprint never the key, and go back to the environment's", async () => {
    signInAdmin();
    double.keys.add({ invalid: ["sk-ant-revoked-9999"] });
    const refused = await call("PUT", { provider: "anthropic", apiKey: "sk-ant-revoked-9999" });
    expect((await errorOf(refused)).code).toBe("bad_request:credentials_rejected");
    expect(((await (await call("GET")).json()) as { stored: unknown }).stored).toBeNull();

    const saved = await call("PUT", { provider: "anthropic", apiKey: "sk-ant-api03-rotated-WXYZ" });
    const savedText = await saved.text();
    expect(saved.status).toBe(200);
    expect(rows.get("anthropic")?.sealed).toMatch(/^v1:/);
    expect(rows.get("anthropic")?.sealed).not.toContain("rotated");
    expect(savedText).not.toContain("rotated");
    expect(JSON.parse(savedText)).toMatchObject({
      stored: { fingerprint: "…WXYZ", setByEmail: "admin@example.test" },
    });
    const status = await (await call("GET")).text();
    expect(status).toContain("…WXYZ");
    expect(status).not.toContain("rotated");

    const { anthropic } = await import("@/lib/model/client");
    await (await anthropic()).models.list({ limit: 1 });
    expect(double.requests.at(-1)?.credentialHash).toBe(credentialHash("sk-ant-api03-rotated-WXYZ"));

    expect(await (await call("DELETE")).json()).toEqual({ provider: "anthropic", stored: null });
    await (await anthropic()).models.list({ limit: 1 });
    expect(double.requests.at(-1)?.credentialHash).toBe(credentialHash("env-key"));
  });
});

describe("stored cloud credentials", () => {
  it("Bedrock: a 1-token check, then SigV4 with the stored access key and region", async () => {
    useEnv({
      ANTHROPIC_PROVIDER: "bedrock",
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "AKIDENVIRONMENT",
      AWS_SECRET_ACCESS_KEY: "environment-secret",
      ANTHROPIC_BEDROCK_BASE_URL: double.url,
    });
    signInAdmin();
    const body = {
      provider: "bedrock",
      accessKeyId: "AKIDSTORED1234",
      secretAccessKey: "stored-secret",
      region: "eu-west-1",
    };
    expect((await call("PUT", body)).status).toBe(200);
    const checked = double.requests.at(-1);
    expect(checked?.path).toMatch(/^\/model\/[^/]+\/invoke$/);
    expect(checked?.body).toMatchObject({ max_tokens: 1 });
    expect(checked?.credentialHash).toBe(credentialHash("AKIDSTORED1234"));
    expect(checked?.headers.authorization).toMatch(/\/eu-west-1\/bedrock\/aws4_request/);
    vi.resetModules();
    const { anthropic } = await import("@/lib/model/client");
    await (await anthropic()).messages.create({
      model: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      max_tokens: 16,
      messages: [{ role: "user", content: "after rotation" }],
    });
    expect(double.requests.at(-1)?.path).toMatch(/\/invoke$/);
    expect(double.requests.at(-1)?.credentialHash).toBe(credentialHash("AKIDSTORED1234"));
    expect(double.requests.at(-1)?.headers.authorization).toMatch(/\/eu-west-1\/bedrock\/aws4_request/);
  });
});
