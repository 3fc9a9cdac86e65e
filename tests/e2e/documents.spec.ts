// Documents in the composer: PDFs and text files chosen with "Attach file" reach the API as
// `document` blocks, show as chips that only their owner can open, and bad files are named.
import { expect, type Page, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { png } from "../unit/images-fixtures";
import {
  chatReady,
  doubleRequests,
  lastReply,
  registerAndSignIn,
  scenario,
  sendMessage,
  stranger,
} from "./helpers";

type ApiBlock = {
  type: string;
  title?: string;
  source?: { type: string; media_type?: string; data?: string };
};

async function pdf(pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage([300, 300]).drawText(`Quarterly report, page ${i + 1}`);
  return Buffer.from(await document.save());
}

const CSV = "item,count\nりんご,3\npear,5\n";

async function attachFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await chatReady(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach file" }).click();
  await (await chooser).setFiles(files);
}

test("a PDF and a CSV reach Claude as document blocks and show as chips only their owner can open", async ({
  page,
  browser,
}) => {
  await registerAndSignIn(page);
  const report = await pdf(2);
  await attachFiles(page, [
    { name: "report.pdf", mimeType: "application/pdf", buffer: report },
    { name: "data.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) },
  ]);
  const pdfChip = page.getByRole("listitem", { name: "Attached file: report.pdf" });
  await expect(pdfChip).toHaveAttribute("data-document-status", "ready");
  await expect(pdfChip).toContainText("2 pages");
  await expect(pdfChip.locator("[data-document-tokens]")).toHaveAttribute("data-document-tokens", "4000");
  await expect(page.getByRole("listitem", { name: "Attached file: data.csv" })).toHaveAttribute(
    "data-document-status",
    "ready",
  );

  const message = scenario("text", "Summarise these");
  await page.getByRole("textbox", { name: "Message" }).fill(message);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");

  const [request] = await doubleRequests(message);
  const content = request?.body.messages?.at(-1)?.content as ApiBlock[];
  expect(content.map((block) => block.type)).toEqual(["document", "document", "text"]);
  expect(content[0]).toEqual({
    type: "document",
    title: "report.pdf",
    source: { type: "base64", media_type: "application/pdf", data: report.toString("base64") },
  });
  expect(content[1]).toEqual({
    type: "document",
    title: "data.csv",
    source: { type: "text", media_type: "text/plain", data: CSV },
  });

  // The chips are gone from the composer; the sent message shows the documents as links.
  await expect(page.getByRole("listitem", { name: /Attached file/ })).toHaveCount(0);
  const link = page.getByRole("link", { name: "Open report.pdf" });
  await expect(link).toBeVisible();
  const href = String(await link.getAttribute("href"));
  const own = await page.request.get(href);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await own.body()).equals(report)).toBe(true);

  // After a reload they are still there, and another user gets 404 for them.
  await page.reload();
  await expect(page.getByRole("link", { name: "Open data.csv" })).toBeVisible();
  const other = await stranger(browser);
  expect((await other.page.request.get(href)).status()).toBe(404);
  await other.close();
});

test("bad files are refused with a message naming the file and what is wrong; Remove attachment drops them", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]);
  await attachFiles(page, [
    { name: "archive.txt", mimeType: "text/plain", buffer: zipHeader },
    { name: "empty.md", mimeType: "text/markdown", buffer: Buffer.alloc(0) },
    { name: "broken.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\nnot really") },
  ]);
  // The whole sentence comes from the catalogue: nothing of the server's own message is appended.
  await expect(page.getByRole("alert").filter({ hasText: "archive.txt" })).toHaveText(
    "“archive.txt” is neither an image, a PDF nor a UTF-8 text file.",
  );
  await expect(page.getByRole("alert").filter({ hasText: "empty.md" })).toHaveText("“empty.md” is empty.");
  await expect(page.getByRole("alert").filter({ hasText: "broken.pdf" })).toHaveText(
    "“broken.pdf” could not be read as a PDF: it is damaged or incomplete.",
  );
  // Failed files are never sent: Send stays off with nothing else to send.
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  for (let left = 3; left > 0; left--) {
    await page.getByRole("button", { name: "Remove attachment" }).first().click();
    await expect(page.getByRole("listitem", { name: /Attached file/ })).toHaveCount(left - 1);
  }
  await expect(page.getByRole("alert").filter({ hasText: /archive\.txt|empty\.md|broken\.pdf/ })).toHaveCount(
    0,
  );

  // An image chosen with Attach file goes through the image pipeline as before.
  await attachFiles(page, [{ name: "pixel.png", mimeType: "image/png", buffer: Buffer.from(png(4, 4)) }]);
  await expect(page.getByRole("button", { name: "Remove image" })).toBeVisible();
});

test("a Japanese reader is told in Japanese why a file was refused, with none of the server's English", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await page.context().addCookies([{ name: "locale", value: "ja", url: page.url() }]);
  await page.reload();
  await chatReady(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "ファイルを添付" }).click();
  await (await chooser).setFiles([
    { name: "empty.md", mimeType: "text/markdown", buffer: Buffer.alloc(0) },
    { name: "archive.txt", mimeType: "text/plain", buffer: zipHeader },
  ]);
  const refusals = {
    "empty.md": "「empty.md」は空のファイルです。",
    "archive.txt": "「archive.txt」は画像、PDF、UTF-8 のテキストファイルのいずれでもありません。",
  };
  for (const [name, sentence] of Object.entries(refusals)) {
    const alert = page.getByRole("alert").filter({ hasText: name });
    await expect(alert).toHaveText(sentence);
    const words = ((await alert.textContent()) ?? "").replace(name, "").match(/[A-Za-z]+/g) ?? [];
    expect(words.filter((word) => !["PDF", "UTF"].includes(word))).toEqual([]);
  }
});

/** What the test double answers for the last counting request the app made whose text contains `needle`. */
async function doubleCount(needle: string): Promise<number> {
  const double = process.env.E2E_DOUBLE_URL;
  const recorded = (await (
    await fetch(`${double}/__double/requests?path=/v1/messages/count_tokens`)
  ).json()) as {
    body: unknown;
  }[];
  const body = recorded.findLast((request) => JSON.stringify(request.body).includes(needle))?.body;
  expect(body).toBeTruthy();
  const answer = await fetch(`${double}/v1/messages/count_tokens`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-api-key": "test-key",
      "anthropic-version": "2023-06-01",
    },
    body: JSON.stringify(body),
  });
  return ((await answer.json()) as { input_tokens: number }).input_tokens;
}

test("the context meter shows the exact count of the request the composer would send, and follows attachments", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const needle = `meter-${Date.now()}`;
  await page.getByRole("textbox", { name: "Message" }).fill(`How long is this? ${needle}`);
  const meter = page.locator("[data-context-tokens]");
  await expect(meter).toHaveAttribute("data-token-count", "exact");
  await expect(meter).toHaveAttribute("data-context-limit", /^\d+$/);
  const plain = Number(await meter.getAttribute("data-context-tokens"));
  expect(plain).toBe(await doubleCount(needle));

  await attachFiles(page, [
    { name: "long.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n".repeat(2000)) },
  ]);
  await expect(page.getByRole("listitem", { name: "Attached file: long.csv" })).toHaveAttribute(
    "data-document-status",
    "ready",
  );
  await expect
    .poll(async () => Number(await meter.getAttribute("data-context-tokens")))
    .toBeGreaterThan(plain + 1000);
  expect(Number(await meter.getAttribute("data-context-tokens"))).toBe(await doubleCount("a,b\\na,b"));

  await page.getByRole("button", { name: "Remove attachment" }).click();
  await expect(meter).toHaveAttribute("data-context-tokens", String(plain));
});

test("a message that would not fit the model's context is refused before sending", async ({ page }) => {
  await registerAndSignIn(page);
  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-haiku-4-5-20251001");
  await page.getByRole("textbox", { name: "Message" }).fill("Summarise this log");
  // About 250,000 tokens for the double (4 characters each); this model takes at most 200,000.
  await attachFiles(page, [
    { name: "huge.log", mimeType: "text/plain", buffer: Buffer.from("x".repeat(1_000_000)) },
  ]);
  const alert = page.locator('[role="alert"][data-error-code="context_too_long"]');
  await expect(alert).toContainText("Too long for this model");
  await expect(alert).toContainText("200,000");
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();

  await page.getByRole("button", { name: "Remove attachment" }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();
});

test("an over-limit message can start a new chat with a checked summary of this one and the typed message", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const needle = `codename-${Date.now()}`;
  await sendMessage(page, `Our project is called ${needle}; we chose PostgreSQL.`);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(page).toHaveURL(/\/c\//);

  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-haiku-4-5-20251001");
  await page.getByRole("textbox", { name: "Message" }).fill("Summarise this log");
  await attachFiles(page, [
    { name: "huge.log", mimeType: "text/plain", buffer: Buffer.from("x".repeat(1_000_000)) },
  ]);
  const alert = page.locator('[role="alert"][data-error-code="context_too_long"]');
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  await alert.getByRole("button", { name: "Start a new chat with a summary" }).click();

  const dialog = page.getByRole("dialog", { name: "Summary for a new chat" });
  const summary = dialog.getByRole("textbox", { name: "Summary" });
  // The double echoes the request: the transcript of the conversation's text.
  await expect(summary).toHaveValue(new RegExp(`^Echo: .*User: Our project is called ${needle}`, "s"));
  const asked = (await doubleRequests(needle)).filter((request) =>
    JSON.stringify(request.body.system ?? "").includes("summarise a conversation"),
  );
  expect(asked).toHaveLength(1);
  expect(asked[0]?.body.model).toBe("claude-haiku-4-5-20251001");
  expect(JSON.stringify(asked[0]?.body.messages)).not.toContain("xxxxxxxx");

  await summary.fill(`${needle} uses PostgreSQL.`);
  await dialog.getByRole("button", { name: "Start new chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue(
    `Summary of our earlier conversation:\n\n${needle} uses PostgreSQL.\n\nSummarise this log\n`,
  );
  await expect(page.locator("[data-message-role]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();
});
