// The double's document citations: a `cite` reply quotes each document with citations on, in the
// wire format the SDK assembles, and citation settings the API refuses are refused with a 400.
import Anthropic, { type APIError } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DoubleHandle, startDouble } from "../double/server";

let double: DoubleHandle;
let client: Anthropic;

beforeAll(async () => {
  double = await startDouble({ port: 0 });
  client = new Anthropic({ apiKey: "test-key", baseURL: double.url, maxRetries: 0 });
});
afterAll(() => double.close());

const TEXT = "  The launch is on 3 May. Nothing else is planned.";
const textDocument = (citations: boolean) => ({
  type: "document" as const,
  source: { type: "text" as const, media_type: "text/plain" as const, data: TEXT },
  title: "plan.txt",
  ...(citations ? { citations: { enabled: true } } : {}),
});
const pdfDocument = {
  type: "document" as const,
  source: { type: "base64" as const, media_type: "application/pdf" as const, data: "JVBERi0xLjc=" },
  title: "report.pdf",
  citations: { enabled: true },
};

function ask(content: unknown[]) {
  return {
    model: "claude-sonnet-4-6",
    max_tokens: 1024,
    messages: [
      { role: "user" as const, content: [...content, { type: "text", text: "When? [[double:cite]]" }] },
    ],
  } as Anthropic.MessageCreateParamsNonStreaming;
}

describe("cite scenario", () => {
  it("streams char_location for a text document and page_location for a PDF", async () => {
    const message = await client.messages.stream(ask([textDocument(true), pdfDocument])).finalMessage();
    const cited = message.content.filter((block) => block.type === "text" && block.citations?.length);
    expect(cited.map((block) => (block as Anthropic.TextBlock).citations?.[0])).toEqual([
      {
        type: "char_location",
        cited_text: "The launch is on 3 May.",
        document_index: 0,
        document_title: "plan.txt",
        file_id: null,
        start_char_index: 2,
        end_char_index: 25,
      },
      expect.objectContaining({
        type: "page_location",
        document_index: 1,
        document_title: "report.pdf",
        start_page_number: 1,
        end_page_number: 2,
      }),
    ]);
    expect(TEXT.slice(2, 25)).toBe("The launch is on 3 May.");
  });

  it("answers in plain text when no document has citations on", async () => {
    const message = await client.messages.create(ask([textDocument(false)]));
    expect(message.content.every((block) => block.type !== "text" || !block.citations)).toBe(true);
  });
});

describe("citation settings the API refuses", () => {
  const refusal = async (body: unknown) => {
    try {
      await client.messages.create(body as Anthropic.MessageCreateParamsNonStreaming);
    } catch (error) {
      return error as APIError;
    }
    throw new Error("expected a 400");
  };

  it("refuses citations on some documents but not all", async () => {
    const error = await refusal(ask([textDocument(true), textDocument(false)]));
    expect(error.status).toBe(400);
    expect(error.message).toContain("all documents or on none");
  });

  it("refuses citations on an image block", async () => {
    const image = {
      type: "image",
      source: { type: "url", url: "https://example.com/a.png" },
      citations: { enabled: true },
    };
    const error = await refusal(ask([image]));
    expect(error.status).toBe(400);
    expect(error.message).toContain("messages.0.content.0.image.citations: Extra inputs are not permitted");
  });

  it("refuses citations together with structured outputs", async () => {
    const body = { ...ask([textDocument(true)]), output_format: { type: "json_schema", schema: {} } };
    expect((await refusal(body)).status).toBe(400);
  });
});
