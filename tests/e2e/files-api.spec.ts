// Files API: an attachment goes inline in its first turn and is uploaded meanwhile; every later
// turn names it by file_id (with the files beta) instead of re-sending its bytes, and deleting the
// conversation deletes the remote files.
import { expect, test } from "@playwright/test";
import { png } from "../unit/images-fixtures";
import { chatReady, doubleRequests, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

type ApiBlock = { type: string; source?: { type: string; file_id?: string; data?: string } };

const NOTES = "The launch is on 3 May. Nothing else is planned.\n";

/** The image and document sources of a request message's content. */
const sourcesOf = (content: unknown) =>
  ((content ?? []) as ApiBlock[]).flatMap((block) => (block.source ? [block.source] : []));

test("a second turn sends file ids instead of base64; deleting the conversation deletes the remote files", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await chatReady(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach file" }).click();
  await (await chooser).setFiles([
    { name: "chart.png", mimeType: "image/png", buffer: Buffer.from(png(32, 32)) },
    { name: "plan.txt", mimeType: "text/plain", buffer: Buffer.from(NOTES) },
  ]);
  await expect(page.locator('[data-image-status="ready"]')).toHaveCount(1);
  await expect(page.getByRole("listitem", { name: "Attached file: plan.txt" })).toHaveAttribute(
    "data-document-status",
    "ready",
  );
  const first = scenario("text", "Look at these");
  await sendMessage(page, first);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [firstRequest] = await doubleRequests(first);
  const firstSources = sourcesOf(firstRequest?.body.messages?.at(-1)?.content).map((source) => source.type);
  expect(firstSources).toEqual(["base64", "text"]);

  const second = scenario("text", "And now?");
  await sendMessage(page, second);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [request] = await doubleRequests(second);
  expect(request?.headers["anthropic-beta"]).toContain("files-api-2025-04-14");
  const sources = sourcesOf(request?.body.messages?.[0]?.content);
  expect(sources.map((source) => source.type)).toEqual(["file", "file"]);
  expect(JSON.stringify(request?.body)).not.toContain("base64");
  const fileIds = sources.map((source) => String(source.file_id));

  const doubleFile = (id: string) => fetch(`${process.env.E2E_DOUBLE_URL}/v1/files/${id}`);
  for (const id of fileIds) expect((await doubleFile(id)).status).toBe(200);
  const conversationId = new URL(page.url()).pathname.split("/").at(-1);
  expect((await page.request.delete(`/api/conversations/${conversationId}`)).status()).toBe(204);
  for (const id of fileIds) await expect.poll(async () => (await doubleFile(id)).status).toBe(404);
});
