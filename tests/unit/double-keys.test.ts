// The test double refuses the keys tests name, as the real API refuses a revoked key (401) or one
// without access (403), whichever way the key is sent; other keys are accepted as before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { credentialHash } from "../double/keys";
import { type DoubleHandle, startDouble } from "../double/server";

let double: DoubleHandle;
beforeAll(async () => {
  double = await startDouble();
});
afterAll(() => double.close());
beforeEach(() => double.reset());

const models = (headers: Record<string, string>) => fetch(`${double.url}/v1/models?limit=1`, { headers });
const control = (body: unknown) =>
  fetch(`${double.url}/__double/keys`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the double's key rules", () => {
  it("answer a named invalid key 401 and a forbidden one 403 in the API's error shape", async () => {
    expect((await control({ invalid: ["revoked"], forbidden: ["no-claude"] })).status).toBe(200);
    const revoked = await models({ "x-api-key": "revoked" });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    const forbidden = await models({ "x-api-key": "no-claude" });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { type: "permission_error" } });
    expect((await models({ "x-api-key": "anything-else" })).status).toBe(200);
    expect((await models({})).status).toBe(200);
  });

  it("apply to bearer tokens and api-key headers too, and are forgotten on reset", async () => {
    await control({ invalid: ["token-1"] });
    expect((await models({ authorization: "Bearer token-1" })).status).toBe(401);
    expect((await models({ "api-key": "token-1" })).status).toBe(401);
    double.reset();
    expect((await models({ authorization: "Bearer token-1" })).status).toBe(200);
  });

  it("record a hash of each request's key, never the key", async () => {
    await models({ "x-api-key": "sk-ant-secret" });
    const [request] = double.requests;
    expect(request?.credentialHash).toBe(credentialHash("sk-ant-secret"));
    expect(JSON.stringify(double.requests)).not.toContain("sk-ant-secret");
  });

  it("refuse a malformed rule list", async () => {
    expect((await control({ invalid: "revoked" })).status).toBe(400);
    expect((await control({ invalid: [1] })).status).toBe(400);
  });
});
