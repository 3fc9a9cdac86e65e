// The double's Files API: uploads are stored and can be named by `file_id` in image and document
// sources, only with the files beta header and only while the file exists (400 otherwise).
import Anthropic, { type APIError, toFile } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DoubleHandle, startDouble } from "../double/server";

const FILES_BETA = "files-api-2025-04-14";
let double: DoubleHandle;
let client: Anthropic;

beforeAll(async () => {
  double = await startDouble({ port: 0 });
  client = new Anthropic({ apiKey: "test-key", baseURL: double.url, maxRetries: 0 });
});
afterAll(() => double.close());

const askAbout = (fileId: string) => ({
  model: "claude-sonnet-4-6",
  max_tokens: 256,
  messages: [
    {
      role: "user" as const,
      content: [
        { type: "document" as const, source: { type: "file" as const, file_id: fileId }, title: "notes.txt" },
        { type: "text" as const, text: "Summarise" },
      ],
    },
  ],
});

async function status(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as APIError).status;
  }
}

describe("Files API in the double", () => {
  it("stores an upload, accepts its id with the beta header, and forgets it when deleted", async () => {
    const uploaded = await client.beta.files.upload({
      file: await toFile(Buffer.from("The launch is on 3 May."), "notes.txt", { type: "text/plain" }),
      betas: [FILES_BETA],
    });
    expect(uploaded).toMatchObject({
      type: "file",
      filename: "notes.txt",
      mime_type: "text/plain",
      size_bytes: 23,
    });

    const reply = await client.beta.messages.create({ ...askAbout(uploaded.id), betas: [FILES_BETA] });
    expect(reply.content[0]).toMatchObject({ type: "text" });
    // Without the beta header the same request is refused.
    expect(await status(client.messages.create(askAbout(uploaded.id) as never))).toBe(400);

    await client.beta.files.delete(uploaded.id, { betas: [FILES_BETA] });
    expect(await status(client.beta.messages.create({ ...askAbout(uploaded.id), betas: [FILES_BETA] }))).toBe(
      400,
    );
    expect(await status(client.beta.files.retrieveMetadata(uploaded.id))).toBe(404);
  });

  it("refuses an id it never handed out, and an upload without a file", async () => {
    expect(await status(client.beta.messages.create({ ...askAbout("file_nope"), betas: [FILES_BETA] }))).toBe(
      400,
    );
    const response = await fetch(`${double.url}/v1/files`, { method: "POST", body: new FormData() });
    expect(response.status).toBe(400);
  });
});
