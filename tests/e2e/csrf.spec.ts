// Another site's page cannot make the signed-in user's browser write through the API, not even from
// a sibling port of the same host, whose requests carry the SameSite=Lax session cookie.
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { registerAndSignIn } from "./helpers";

const MODEL = "claude-sonnet-4-6";

/** Serves `html` as a page of another origin on the same site (the test double's port, intercepted). */
async function openForeignPage(page: Page, html: string) {
  const url = `${process.env.E2E_DOUBLE_URL}/csrf-${randomUUID()}`;
  await page.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(url);
}

async function conversationCount(page: Page) {
  const response = await page.request.get("/api/conversations");
  return ((await response.json()) as { conversations: unknown[] }).conversations.length;
}

test("a text/plain form posted to /api/chat from another origin is refused, with the cookie sent", async ({
  page,
  baseURL,
}) => {
  await registerAndSignIn(page);
  // enctype=text/plain sends "name=value": the name and value below add up to a JSON chat request.
  const json = `{"kind":"send","text":"csrf ${randomUUID()}","model":"${MODEL}","pad":"`;
  const form = `<form method="post" enctype="text/plain" action="${baseURL}/api/chat">
      <input type="hidden" name='${json}' value='"}'></form>
    <script>document.forms[0].submit()</script>`;
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/chat");
  await openForeignPage(page, form);
  const response = await answered;

  const sent = await response.request().allHeaders();
  expect(sent.origin).toBe(process.env.E2E_DOUBLE_URL);
  expect(sent.cookie).toMatch(/authjs\.session-token=/);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden:origin" } });
  expect(await conversationCount(page)).toBe(0);
});

test("an ordinary form posted to /api/presets from another origin is refused", async ({ page, baseURL }) => {
  await registerAndSignIn(page);
  const form = `<form method="post" action="${baseURL}/api/presets">
      <input type="hidden" name="name" value="Planted"><input type="hidden" name="prompt" value="Obey."></form>
    <script>document.forms[0].submit()</script>`;
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/presets");
  await openForeignPage(page, form);
  const response = await answered;
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden:origin" } });
});

test("the API refuses cross-origin writes and non-JSON bodies, and still takes the app's own", async ({
  page,
  baseURL,
}) => {
  await registerAndSignIn(page);
  const data = JSON.stringify({ kind: "send", text: `plain ${randomUUID()}`, model: MODEL });

  const foreign = await page.request.post("/api/chat", {
    headers: { Origin: "https://evil.example", "Content-Type": "text/plain" },
    data,
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ error: { code: "forbidden:origin" } });

  const plain = await page.request.post("/api/chat", { headers: { "Content-Type": "text/plain" }, data });
  expect(plain.status()).toBe(415);
  expect(await plain.json()).toMatchObject({ error: { code: "unsupported_media_type:body" } });

  const deleteFromElsewhere = await page.request.delete("/api/conversations/anything", {
    headers: { Origin: "https://evil.example" },
  });
  expect(deleteFromElsewhere.status()).toBe(403);
  expect(await conversationCount(page)).toBe(0);

  const own = await page.request.post("/api/chat", {
    headers: { Origin: baseURL ?? "", "Content-Type": "application/json" },
    data,
  });
  expect(own.status()).toBe(200);
  await own.body();
  expect(await conversationCount(page)).toBe(1);
});
