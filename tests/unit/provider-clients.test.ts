// The model seam (lib/model/client.ts) with ANTHROPIC_PROVIDER set: each platform's official client
// streams a reply from the test double at the platform's own path, with the platform's model id in the
// URL and its credentials (SigV4, a bearer token, an api-key), and the double refuses requests without them.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Env, parseEnv } from "@/lib/env";
import { type DoubleHandle, startDouble } from "../double/server";

let current: Env;
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  env: () => current,
}));

let double: DoubleHandle;
beforeAll(async () => {
  double = await startDouble();
});
afterAll(() => double.close());
beforeEach(() => double.reset());

/** The seam's client for this environment (the seam keeps one client per process: a fresh module each time). */
async function seamFor(source: Record<string, string>) {
  current = parseEnv({ ANTHROPIC_MAX_RETRIES: "0", DATABASE_URL: process.env.DATABASE_URL, ...source });
  vi.resetModules();
  const { anthropic } = await import("@/lib/model/client");
  return anthropic();
}

const ask = (model: string, text = "Hello cloud") => ({
  model,
  max_tokens: 256,
  messages: [{ role: "user" as const, content: text }],
});

async function streamedText(client: Awaited<ReturnType<typeof seamFor>>, model: string) {
  const message = await client.messages.stream(ask(model)).finalMessage();
  return message.content.map((block) => (block.type === "text" ? block.text : "")).join("");
}

describe("Amazon Bedrock", () => {
  const bedrockEnv = () => ({
    ANTHROPIC_PROVIDER: "bedrock",
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
    AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    ANTHROPIC_BEDROCK_BASE_URL: double.url,
  });

  it("streams over InvokeModelWithResponseStream, signed with SigV4, the model id in the path", async () => {
    const client = await seamFor(bedrockEnv());
    const model = "eu.anthropic.claude-haiku-4-5-20251001-v1:0";
    expect(await streamedText(client, model)).toBe("Echo: Hello cloud");
    const [request] = double.requests;
    expect(request?.path).toBe(
      "/model/eu.anthropic.claude-haiku-4-5-20251001-v1:0/invoke-with-response-stream",
    );
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=<redacted>\/\d{8}\/eu-west-1\/bedrock\/aws4_request/,
    );
    expect(request?.body).toMatchObject({ anthropic_version: "bedrock-2023-05-31" });
    expect(request?.body).not.toHaveProperty("model");
  });

  it("answers a call without streaming at /invoke (titles and summaries)", async () => {
    const client = await seamFor(bedrockEnv());
    const message = await client.messages.create(ask("global.anthropic.claude-haiku-4-5-20251001-v1:0"));
    expect(message.content).toEqual([{ type: "text", text: "Echo: Hello cloud" }]);
    expect(double.requests[0]?.path).toBe("/model/global.anthropic.claude-haiku-4-5-20251001-v1:0/invoke");
  });

  it("is refused by the double without a signature", async () => {
    const response = await fetch(
      `${double.url}/model/anthropic.claude-opus-4-8-v1/invoke-with-response-stream`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...ask("x"), anthropic_version: "bedrock-2023-05-31" }),
      },
    );
    expect(response.status).toBe(403);
  });

  it("reports a mid-stream failure as an error, keeping the text that arrived", async () => {
    const client = await seamFor(bedrockEnv());
    const stream = client.messages.stream(
      ask("anthropic.claude-opus-4-8-v1", "x [[double:midstream_error]]"),
    );
    let text = "";
    stream.on("text", (delta) => {
      text += delta;
    });
    await expect(stream.finalMessage()).rejects.toThrow();
    expect(text.length).toBeGreaterThan(0);
  });
});

describe("Google Vertex AI", () => {
  const vertexEnv = () => ({
    ANTHROPIC_PROVIDER: "vertex",
    CLOUD_ML_REGION: "us-east5",
    ANTHROPIC_VERTEX_PROJECT_ID: "my-project",
    ANTHROPIC_VERTEX_ACCESS_TOKEN: "ya29.test-token",
    ANTHROPIC_VERTEX_BASE_URL: `${double.url}/v1`,
  });

  it("streams from streamRawPredict with a bearer token, the model in the URL", async () => {
    const client = await seamFor(vertexEnv());
    expect(await streamedText(client, "claude-sonnet-4-5@20250929")).toBe("Echo: Hello cloud");
    const [request] = double.requests;
    expect(request?.path).toBe(
      "/v1/projects/my-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict",
    );
    expect(request?.headers.authorization).toBe("Bearer <redacted>");
    expect(request?.body).toMatchObject({ anthropic_version: "vertex-2023-10-16", stream: true });
    expect(request?.body).not.toHaveProperty("model");
  });

  it("counts tokens at the count-tokens model path", async () => {
    const client = await seamFor(vertexEnv());
    const counted = await client.messages.countTokens({
      model: "claude-haiku-4-5@20251001",
      messages: [{ role: "user", content: "Hello cloud" }],
    });
    expect(counted.input_tokens).toBeGreaterThan(0);
    expect(double.requests[0]?.path).toBe(
      "/v1/projects/my-project/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict",
    );
  });

  it("is refused by the double without a bearer token", async () => {
    const response = await fetch(
      `${double.url}/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-opus-4-8:streamRawPredict`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...ask("x"), model: undefined, anthropic_version: "vertex-2023-10-16" }),
      },
    );
    expect(response.status).toBe(401);
  });
});

describe("Microsoft Foundry", () => {
  it("streams from the resource's /anthropic/v1/messages with its key", async () => {
    const client = await seamFor({
      ANTHROPIC_PROVIDER: "foundry",
      ANTHROPIC_FOUNDRY_API_KEY: "foundry-key",
      ANTHROPIC_FOUNDRY_BASE_URL: `${double.url}/anthropic/`,
    });
    expect(await streamedText(client, "claude-opus-4-8")).toBe("Echo: Hello cloud");
    const [request] = double.requests;
    expect(request?.path).toBe("/anthropic/v1/messages");
    expect(request?.headers["x-api-key"]).toBe("<redacted>");
    expect(request?.body).toMatchObject({ model: "claude-opus-4-8" });
    expect(JSON.stringify(double.requests)).not.toContain("foundry-key");
  });

  it("is refused by the double without a key", async () => {
    const response = await fetch(`${double.url}/anthropic/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ask("claude-opus-4-8")),
    });
    expect(response.status).toBe(401);
  });
});
