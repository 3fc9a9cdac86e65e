// Stored provider credentials: sealed at rest, audited, and picked up by every model seam (one per app
// instance) for its next request, while a reply already streaming finishes on the key it started with.
import Anthropic from "@anthropic-ai/sdk";
import type { RawContentBlockDeltaEvent } from "@anthropic-ai/sdk/resources/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkModelClient } from "@/lib/chat/generate";
import { sealCredentials } from "@/lib/credentials";
import type { ProviderCredentials } from "@/lib/credentials/schema";
import { auditPage } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { credentialStatus, removeCredential, storeCredential } from "@/lib/db/provider-credentials";
import { createModelSeam } from "@/lib/model/client";
import { credentialHash } from "../double/keys";
import { type DoubleHandle, startDouble } from "../double/server";

const ENV_KEY = "sk-ant-environment-0000";
// Any provider's row will do: the seam under test builds plain clients for the double.
const PROVIDER = "foundry";
const actor = { id: "admin-credentials-test", email: "keys-admin@example.test" };

let double: DoubleHandle;
beforeAll(async () => {
  double = await startDouble();
});
afterAll(async () => {
  await db.providerCredential.deleteMany({ where: { provider: PROVIDER } });
  await double.close();
});

/** A seam as an app instance has one: its own cache, the real database and sealing, the double's endpoint. */
const instanceSeam = () =>
  createModelSeam({
    provider: () => PROVIDER,
    build: (credentials) =>
      new Anthropic({
        apiKey: credentials?.provider === PROVIDER ? credentials.apiKey : ENV_KEY,
        baseURL: double.url,
        maxRetries: 0,
      }),
  });

const store = (apiKey: string) => {
  const credentials: ProviderCredentials = { provider: PROVIDER, apiKey };
  return storeCredential(actor, PROVIDER, {
    sealed: sealCredentials(credentials),
    fingerprint: `…${apiKey.slice(-4)}`,
  });
};

/** The hash of the key the double saw on the last request whose user message holds `needle`. */
function keySeen(needle: string) {
  const request = double.requests.findLast((r) => JSON.stringify(r.body).includes(needle));
  return request?.credentialHash;
}

async function ask(seam: ReturnType<typeof instanceSeam>, text: string) {
  const client = await seam.client();
  await client.messages.create({
    model: "claude-haiku-4-5-20251001",
    max_tokens: 16,
    messages: [{ role: "user", content: text }],
  });
  return keySeen(text);
}

describe("provider credentials", () => {
  it("are sealed at rest; the status and the audit log show the fingerprint, never the key", async () => {
    const key = "sk-ant-api03-sealed-at-rest-WXYZ";
    await store(key);
    const row = await db.providerCredential.findUniqueOrThrow({ where: { provider: PROVIDER } });
    expect(row.sealed).toMatch(/^v1:/);
    expect(row.sealed).not.toContain(key);
    const status = await credentialStatus(PROVIDER);
    expect(status).toMatchObject({ fingerprint: "…WXYZ", setByEmail: actor.email });
    expect(JSON.stringify(status)).not.toContain(key);
    const [entry] = (await auditPage(1)).entries;
    expect(entry).toMatchObject({ action: "provider_credentials", actorEmail: actor.email });
    expect(entry?.detail).toMatchObject({ provider: PROVIDER, to: "…WXYZ" });
    expect(JSON.stringify(entry)).not.toContain(key);
    expect(await removeCredential(actor, PROVIDER)).toBe(true);
    expect(await removeCredential(actor, PROVIDER)).toBe(false);
    expect((await auditPage(1)).entries[0]?.detail).toMatchObject({ from: "stored", to: "environment" });
  });

  it("reach every instance's next request, and the environment's key applies again once removed", async () => {
    const [first, second] = [instanceSeam(), instanceSeam()];
    expect(await ask(first, "before rotation 1")).toBe(credentialHash(ENV_KEY));
    expect(await ask(second, "before rotation 2")).toBe(credentialHash(ENV_KEY));
    await store("sk-ant-rotated-key-1111");
    expect(await ask(first, "after rotation 1")).toBe(credentialHash("sk-ant-rotated-key-1111"));
    expect(await ask(second, "after rotation 2")).toBe(credentialHash("sk-ant-rotated-key-1111"));
    await store("sk-ant-rotated-key-2222");
    expect(await ask(second, "second rotation")).toBe(credentialHash("sk-ant-rotated-key-2222"));
    await removeCredential(actor, PROVIDER);
    expect(await ask(first, "after removal 1")).toBe(credentialHash(ENV_KEY));
    expect(await ask(second, "after removal 2")).toBe(credentialHash(ENV_KEY));
  });

  it("leave a reply that is streaming when they change to finish on the old key", async () => {
    const seam = instanceSeam();
    await store("sk-ant-old-key-3333");
    // The runner's own model client, which obtains the client per request.
    const model = sdkModelClient(() => seam.client());
    const request = {
      model: "claude-haiku-4-5-20251001",
      max_tokens: 256,
      messages: [{ role: "user" as const, content: "streaming across a rotation [[double:text?delay=30]]" }],
    };
    const events: string[] = [];
    let text = "";
    let rotated = false;
    for await (const event of model.stream(request, new AbortController().signal)) {
      events.push(event.type);
      const delta = event.type === "content_block_delta" ? (event as RawContentBlockDeltaEvent).delta : null;
      if (delta?.type === "text_delta") text += delta.text;
      if (!rotated && event.type === "content_block_delta") {
        rotated = true;
        await store("sk-ant-new-key-4444");
        // A request started meanwhile already uses the new key.
        expect(await ask(seam, "started during the stream")).toBe(credentialHash("sk-ant-new-key-4444"));
      }
    }
    expect(rotated).toBe(true);
    expect(events.at(-1)).toBe("message_stop");
    expect(text).toContain("streaming across a rotation");
    const streamed = double.requests.find((r) =>
      JSON.stringify(r.body).includes("streaming across a rotation"),
    );
    expect(streamed?.credentialHash).toBe(credentialHash("sk-ant-old-key-3333"));
    expect(streamed?.connection).toBe("finished");
    await removeCredential(actor, PROVIDER);
  });
});
