// Files API benchmark (npm run bench:files): a conversation whose first message carries three 1 MB
// images, sent through the app's request builder to the test double. Prints the request bytes of
// turn 5 and of all five turns with the images re-sent as base64 every turn (before) and named by
// Files API id after the first turn (after; the first turn goes inline while the upload runs).
import { randomBytes } from "node:crypto";
import Anthropic, { toFile } from "@anthropic-ai/sdk";
import type { ContentBlock } from "../lib/chat/content";
import { buildReplyRequest, type ImageData } from "../lib/chat/request";
import { FILES_BETA } from "../lib/tools/server-tools";
import { startDouble } from "../tests/double/server";

const TURNS = 5;
const MODEL = "claude-sonnet-4-6";
const IMAGE_BYTES = 1024 * 1024;
const images = ["img_1", "img_2", "img_3"].map((id) => ({ id, bytes: randomBytes(IMAGE_BYTES) }));

const firstTurn: ContentBlock[] = [
  ...images.map((image) => ({
    type: "image",
    source: { type: "attachment", attachment_id: image.id, media_type: "image/png" },
  })),
  { type: "text", text: "What do these three charts show?" },
];

const inline: ImageData = new Map(
  images.map((image) => [image.id, { mediaType: "image/png", base64: image.bytes.toString("base64") }]),
);

async function main() {
  const double = await startDouble();
  const client = new Anthropic({ apiKey: "bench", baseURL: double.url, maxRetries: 0 });
  let uploadBytes = 0;
  const byId = new Map<string, { mediaType: string; base64: string; fileId: string }>();
  for (const image of images) {
    const file = await client.beta.files.upload({
      file: await toFile(image.bytes, `${image.id}.png`, { type: "image/png" }),
      betas: [FILES_BETA],
    });
    uploadBytes += image.bytes.length;
    byId.set(image.id, { mediaType: "image/png", base64: "", fileId: file.id });
  }

  const run = async (filesApi: boolean) => {
    const history: { role: string; content: ContentBlock[] }[] = [];
    const sizes: number[] = [];
    for (let turn = 1; turn <= TURNS; turn++) {
      history.push({
        role: "user",
        content: turn === 1 ? firstTurn : [{ type: "text", text: `Follow-up ${turn}` }],
      });
      const request = buildReplyRequest({
        modelId: MODEL,
        model: undefined,
        history,
        system: null,
        params: { maxTokens: 256 },
        userId: "bench",
        promptCaching: false,
        images: filesApi && turn > 1 ? byId : inline,
      });
      const { betas, ...body } = request as typeof request & { betas?: string[] };
      sizes.push(Buffer.byteLength(JSON.stringify({ ...body, stream: true })));
      const reply = (
        betas
          ? await client.beta.messages.create({ ...body, betas } as never)
          : await client.messages.create(body as Anthropic.MessageCreateParamsNonStreaming)
      ) as Anthropic.Message;
      const text = reply.content.map((block) => ("text" in block ? block.text : "")).join("");
      history.push({ role: "assistant", content: [{ type: "text", text }] });
    }
    return sizes;
  };

  const before = await run(false);
  const after = await run(true);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  console.log(`three ${mb(IMAGE_BYTES)} images in turn 1, ${TURNS} turns`);
  console.log(`turn ${TURNS} request, base64 every turn: ${before.at(-1)} bytes (${mb(before.at(-1) ?? 0)})`);
  console.log(`turn ${TURNS} request, Files API ids:    ${after.at(-1)} bytes (${mb(after.at(-1) ?? 0)})`);
  console.log(`all ${TURNS} requests, base64 every turn: ${mb(sum(before))}`);
  console.log(`all ${TURNS} requests + uploads, Files API: ${mb(sum(after) + uploadBytes)}`);
  await double.close();
}

void main();
