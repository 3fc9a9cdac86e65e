// Citations: with the conversation's Citations switch on, documents reach Claude with citations
// enabled, cited reply text shows numbered markers that open the quoted passage, and all of it
// (the switch included) survives a reload and goes into the exports.
import { expect, test } from "@playwright/test";
import { chatReady, doubleRequests, lastReply, registerAndSignIn, scenario } from "./helpers";

const NOTES = "The launch is on 3 May. Nothing else is planned.\n";

test("a cited text document shows a marker that opens the quoted passage, kept after reload", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await chatReady(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach file" }).click();
  await (await chooser).setFiles([{ name: "plan.txt", mimeType: "text/plain", buffer: Buffer.from(NOTES) }]);
  await expect(page.getByRole("listitem", { name: "Attached file: plan.txt" })).toHaveAttribute(
    "data-document-status",
    "ready",
  );

  const citations = page.getByRole("switch", { name: "Citations" });
  await expect(citations).not.toBeChecked();
  await citations.check();
  const message = scenario("cite", "When is the launch?");
  await page.getByRole("textbox", { name: "Message" }).fill(message);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");

  const [request] = await doubleRequests(message);
  const content = request?.body.messages?.at(-1)?.content as { type: string; citations?: unknown }[];
  expect(content[0]).toMatchObject({ type: "document", title: "plan.txt", citations: { enabled: true } });

  const checkMarker = async () => {
    const marker = lastReply(page).locator("[data-citation]").first();
    await expect(marker).toHaveText("[1]");
    await marker.click();
    const detail = lastReply(page).locator("[data-citation-detail]");
    await expect(detail).toContainText("plan.txt");
    await expect(detail).toContainText("Characters 1–23");
    await expect(detail.locator("blockquote")).toHaveText("The launch is on 3 May.");
  };
  await checkMarker();

  await page.reload();
  await chatReady(page);
  await checkMarker();
  await expect(page.getByRole("switch", { name: "Citations" })).toBeChecked();

  // The exports keep them: Markdown as footnotes, JSON as the stored blocks.
  const conversationId = new URL(page.url()).pathname.split("/").at(-1);
  const exported = (format: string) =>
    page.request.get(`/api/conversations/${conversationId}/export?format=${format}`);
  const markdown = await (await exported("md")).text();
  expect(markdown).toContain("[^1]: plan.txt, characters 1–23: “The launch is on 3 May.”");
  const json = JSON.stringify(await (await exported("json")).json());
  expect(json).toContain('"type":"char_location"');
  expect(json).toContain('"cited_text":"The launch is on 3 May."');
});
