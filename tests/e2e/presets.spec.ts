import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { formAlert, registerAndSignIn, signIn, signOut } from "./helpers";

const STARTERS = ["Security reviewer", "JSON-only formatter", "Python code reviewer", "日本語の家庭教師"];

/** The list entry of the preset named `name` (the edit form replaces it while open). */
function presetItem(page: Page, name: string) {
  return page.getByRole("main").getByRole("listitem").filter({ hasText: name });
}

async function createPreset(page: Page, name: string, prompt: string) {
  await page.getByRole("button", { name: "New preset" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Prompt").fill(prompt);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(presetItem(page, name)).toBeVisible();
}

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

test("a new user starts with the starter presets", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/presets");
  await expect(page.getByRole("heading", { name: "Presets" })).toBeVisible();
  for (const name of STARTERS) await expect(presetItem(page, name)).toBeVisible();
  await expect(page.getByText("Default", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Back to chat/ })).toHaveAttribute("href", "/");
});

test("an account registered from the Japanese page starts with Japanese presets", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "ja-JP",
    extraHTTPHeaders: { "Accept-Language": "ja" },
  });
  const page = await context.newPage();
  try {
    await page.goto("/register");
    await page.getByLabel("メールアドレス").fill(`ja-${randomUUID()}@example.test`);
    await page.getByLabel("パスワード").fill(`pw-${randomUUID()}`);
    await page.getByRole("button", { name: "アカウントを作成" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/presets");
    for (const name of [
      "セキュリティレビュー",
      "JSON のみで出力",
      "Python コードレビュー",
      "英語の家庭教師",
    ]) {
      await expect(presetItem(page, name)).toBeVisible();
    }
    await expect(presetItem(page, "Security reviewer")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("create, edit, set default and delete a preset", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/presets");
  const name = unique("Pirate");
  await page.getByRole("button", { name: "New preset" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Prompt").fill("Answer like a pirate.\nKeep it short.");
  await expect(page.getByText(/36 \/ 100,000 characters · about 9 tokens/)).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(presetItem(page, name)).toContainText("Answer like a pirate.");
  await expect(presetItem(page, name)).not.toContainText("Keep it short.");

  await presetItem(page, name).getByRole("button", { name: "Edit" }).click();
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByLabel("Prompt")).toHaveValue("Answer like a pirate.\nKeep it short.");
  await page.getByLabel("Prompt").fill("Answer like a polite pirate.");
  await page.getByRole("button", { name: "Save" }).click();
  await page.reload();
  await expect(presetItem(page, name)).toContainText("Answer like a polite pirate.");

  await presetItem(page, name).getByRole("button", { name: "Set as default" }).click();
  await expect(presetItem(page, name).getByText("Default", { exact: true })).toBeVisible();
  await presetItem(page, "Security reviewer").getByRole("button", { name: "Set as default" }).click();
  await expect(presetItem(page, "Security reviewer").getByText("Default", { exact: true })).toBeVisible();
  await expect(presetItem(page, name).getByText("Default", { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Default", { exact: true })).toHaveCount(1);
  await expect(presetItem(page, "Security reviewer").getByText("Default", { exact: true })).toBeVisible();

  await presetItem(page, name).getByRole("button", { name: "Delete" }).click();
  await expect(presetItem(page, name)).toContainText("This cannot be undone.");
  await presetItem(page, name).getByRole("button", { name: "Cancel" }).click();
  await expect(presetItem(page, name).getByRole("button", { name: "Edit" })).toBeVisible();
  await presetItem(page, name).getByRole("button", { name: "Delete" }).click();
  await presetItem(page, name).getByRole("button", { name: "Delete" }).click();
  await expect(presetItem(page, name)).toHaveCount(0);
  await page.reload();
  await expect(presetItem(page, "Security reviewer")).toBeVisible();
  await expect(presetItem(page, name)).toHaveCount(0);
});

test("the form explains invalid input and keeps what was typed", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/presets");
  await page.getByRole("button", { name: "New preset" }).click();
  await page.getByLabel("Prompt").fill("A prompt without a name.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(formAlert(page)).toHaveText("Enter a name.");
  await expect(page.getByLabel("Prompt")).toHaveValue("A prompt without a name.");

  await page.getByLabel("Name").fill("Security reviewer");
  await page.getByLabel("Prompt").fill("My own security prompt.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(formAlert(page)).toHaveText("A preset with this name already exists.");
  await expect(page.getByLabel("Name")).toHaveValue("Security reviewer");
  await expect(page.getByLabel("Prompt")).toHaveValue("My own security prompt.");

  await page.getByLabel("Name").fill("Security reviewer (mine)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(presetItem(page, "Security reviewer (mine)")).toContainText("My own security prompt.");
});

test("another user cannot read, update or delete a preset", async ({ page }) => {
  const owner = await registerAndSignIn(page);
  await page.goto("/presets");
  const name = unique("Secret");
  await createPreset(page, name, "The owner's private prompt.");
  const { presets } = (await (await page.request.get("/api/presets")).json()) as {
    presets: { id: string; name: string }[];
  };
  const id = presets.find((preset) => preset.name === name)?.id;
  expect(id).toBeTruthy();

  await signOut(page);
  await registerAndSignIn(page);
  const url = `/api/presets/${id}`;
  const responses = [
    await page.request.get(url),
    await page.request.patch(url, { data: { name: "Stolen", prompt: "Mine now." } }),
    await page.request.delete(url),
  ];
  for (const response of responses) {
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain("private prompt");
  }
  const listed = await (await page.request.get("/api/presets")).text();
  expect(listed).not.toContain(name);

  await signOut(page);
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/presets");
  await expect(presetItem(page, name)).toContainText("The owner's private prompt.");
});

test("the page works at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await registerAndSignIn(page);
  await page.goto("/presets");
  await createPreset(page, unique("Phone"), "Short answers.");
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
});
