// Claude through a cloud platform (ANTHROPIC_PROVIDER): run once per platform project ("bedrock",
// "vertex", "foundry" in playwright.config.ts), each app talking to the test double at that platform's
// path. A reply streams into the UI from the platform's model id with the platform's credentials, is
// priced as that platform prices it, and what the platform lacks is off the page.
import { expect, test } from "@playwright/test";
import { lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

interface Case {
  model: string;
  path: string;
  auth: [header: string, value: RegExp];
  /** USD for 1000 input and 100 output tokens at this platform's price for `model`. */
  cost: number;
  imageUrls: boolean;
}

const CASES: Record<string, Case> = {
  bedrock: {
    model: "us.anthropic.claude-sonnet-4-6-v1:0",
    path: "/model/us.anthropic.claude-sonnet-4-6-v1:0/invoke-with-response-stream",
    auth: [
      "authorization",
      /^AWS4-HMAC-SHA256 Credential=<redacted>\/\d{8}\/us-east-1\/bedrock\/aws4_request /,
    ],
    cost: (1000 * 3.3 + 100 * 16.5) / 1e6, // a US inference profile: 10% over the global price
    imageUrls: false,
  },
  vertex: {
    model: "claude-haiku-4-5@20251001",
    path: "/v1/projects/e2e-project/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001:streamRawPredict",
    auth: ["authorization", /^Bearer <redacted>$/],
    cost: (1000 * 1 + 100 * 5) / 1e6,
    imageUrls: false,
  },
  foundry: {
    model: "claude-opus-4-6",
    path: "/anthropic/v1/messages",
    auth: ["x-api-key", /^<redacted>$/],
    cost: (1000 * 5 + 100 * 25) / 1e6,
    imageUrls: true,
  },
};

interface Recorded {
  path: string;
  headers: Record<string, string>;
  body: { messages?: unknown[] } | null;
}

/** The generation requests carrying `needle`; the composer's token counts of the draft carry it too. */
async function repliesWith(needle: string): Promise<Recorded[]> {
  const response = await fetch(`${process.env.E2E_DOUBLE_URL}/__double/requests`);
  const all = (await response.json()) as Recorded[];
  return all.filter(
    (request) =>
      !/count[-_]tokens/.test(request.path) && JSON.stringify(request.body?.messages ?? "").includes(needle),
  );
}

test("a reply streams from the platform's model, with its credentials and its price", async ({ page }) => {
  test.setTimeout(90_000);
  const expected = CASES[test.info().project.name];
  if (!expected) throw new Error(`no case for project ${test.info().project.name}`);
  await registerAndSignIn(page);

  const picker = page.getByRole("combobox", { name: "Model" });
  await expect(picker.locator(`option[value="${expected.model}"]`)).toHaveCount(1);
  await picker.selectOption(expected.model);
  await expect(page.getByRole("button", { name: "Add image URL" })).toHaveCount(expected.imageUrls ? 1 : 0);

  const text = scenario("text?input=1000&output=100", "Provider check");
  await sendMessage(page, text);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-message-status", "done");
  await expect(reply).toContainText("Echo: Provider check");
  const usage = reply.locator("[data-usage]");
  await expect(usage).toHaveAttribute("data-input-tokens", "1000");
  expect(Number(await usage.getAttribute("data-cost-usd"))).toBeCloseTo(expected.cost, 10);

  const needle = text.split(" [[")[0] ?? text;
  const [request] = await repliesWith(needle);
  expect(request?.path).toBe(expected.path);
  const [header, value] = expected.auth;
  expect(request?.headers[header]).toMatch(value);
});

test("/batches says the platform has no Batches API and offers no new batch", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/batches");
  await expect(page.getByText(/does not offer the Message Batches API/)).toBeVisible();
  await expect(page.getByRole("button", { name: "New batch" })).toBeDisabled();
});
