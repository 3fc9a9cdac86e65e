// The composer: its controls on one row from 360 px phones to desktops (English and Japanese), the
// model picker's details, the Parameters popover, the drag-and-drop overlay, and the system prompt
// editor covering nothing.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { png } from "../unit/images-fixtures";
import { expectNoSeriousViolations } from "./axe";
import { chatReady, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

/** A new user on the chat page, in `language` (registered through the English form). */
async function signedUpIn(browser: Browser, language: "en" | "ja") {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  await registerAndSignIn(page);
  // The account keeps the language it registered with (a cookie): choose the other one the same way.
  await context.addCookies([{ name: "locale", value: language, url: page.url() }]);
  await page.reload();
  await chatReady(page);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  return { page, close: () => context.close() };
}

/** Every control of the composer's row, as laid out: its name, box and whether it shows all its text. */
async function controlRow(page: Page) {
  return page.locator("[data-composer-controls]").evaluate((row) => {
    const form = row.closest("form")!.getBoundingClientRect();
    const controls = [...row.querySelectorAll<HTMLElement>("button, select")].filter(
      (control) => control.closest("select") === control || !control.closest("select"),
    );
    return {
      form: { left: form.left, right: form.right },
      controls: controls
        .map((control) => {
          const box = control.getBoundingClientRect();
          return {
            name: control.getAttribute("aria-label") ?? control.textContent ?? "",
            top: box.top,
            bottom: box.bottom,
            left: box.left,
            right: box.right,
          };
        })
        .filter((control) => control.bottom > control.top),
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

for (const language of ["en", "ja"] as const) {
  test(`the composer's controls fit one row at 360 px and 1280 px (${language})`, async ({ browser }) => {
    const { page, close } = await signedUpIn(browser, language);
    // With a document attached, the Citations switch joins the row too.
    await page
      .locator('input[type="file"][accept*="pdf"]')
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Some notes.") });
    await expect(page.locator("[data-document-status]")).toHaveAttribute("data-document-status", "ready");
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const { form, controls, pageOverflow } = await controlRow(page);
      expect(controls.length, `${width} px`).toBeGreaterThanOrEqual(9);
      const tops = controls.map((control) => Math.round(control.top));
      expect(
        Math.max(...tops) - Math.min(...tops),
        `one row at ${width} px: ${JSON.stringify(controls)}`,
      ).toBeLessThanOrEqual(1);
      for (const control of controls) {
        expect(control.left, `${control.name} inside the composer`).toBeGreaterThanOrEqual(form.left);
        expect(control.right, `${control.name} inside the composer`).toBeLessThanOrEqual(form.right);
      }
      expect(pageOverflow, `no horizontal scrolling at ${width} px`).toBeLessThanOrEqual(0);
    }
    await close();
  });
}

test("the model picker shows every model's name, context window, price and capabilities", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await page.setViewportSize({ width: 360, height: 800 });
  const picker = page.getByRole("combobox", { name: "Model" });
  await picker.selectOption("claude-sonnet-4-6");
  await expect(picker).toContainText("Sonnet 4.6");
  await picker.click();
  const sonnet = page.locator('[data-model-option="claude-sonnet-4-6"]');
  await expect(sonnet).toBeVisible();
  await expect(sonnet).toContainText("Claude Sonnet 4.6");
  await expect(sonnet).toContainText("1M context · $3 / $15 per MTok");
  await expect(sonnet.locator("[data-model-badge]")).toHaveText(["Vision", "Thinking", "Tools", "PDF"]);
  // Names are never cut off, and the list stays on the phone's screen.
  for (const option of await page.locator("[data-model-option]").all()) {
    const box = await option.boundingBox();
    if (!box) continue;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  await expectNoSeriousViolations(page, "model picker open");
  const name = sonnet.locator("span.font-medium");
  expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  // The keyboard picks another model, as with any select.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(picker).not.toHaveValue("claude-sonnet-4-6");
});

test("Parameters opens from the keyboard, keeps its values when closed, and stays on a phone's screen", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await page.setViewportSize({ width: 360, height: 800 });
  const trigger = page.getByRole("button", { name: "Parameters" });
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
  await trigger.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: "Parameters" });
  await expect(panel).toBeVisible();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);

  const maxTokens = panel.getByRole("spinbutton", { name: "Max tokens" });
  await expect(maxTokens).toBeFocused();
  await page.keyboard.type("1234");
  // Tab goes through every field that takes a value, in order.
  const fields = panel.locator("input:enabled, textarea:enabled");
  const count = await fields.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let index = 1; index < count; index++) {
    await page.keyboard.press("Tab");
    await expect(fields.nth(index)).toBeFocused();
  }
  await expect(panel.getByRole("checkbox", { name: "Prompt caching" })).toBeFocused();
  await expectNoSeriousViolations(page, "Parameters open");

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(maxTokens).toHaveValue("1234");
  await expect(maxTokens).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(trigger).toBeFocused();
});

/** Dispatches a drag event over the chat carrying `files`, the way a browser does. */
async function drag(page: Page, type: string, files: { name: string; type: string; data: number[] }[]) {
  await page.evaluate(
    ({ type, files }) => {
      const transfer = new DataTransfer();
      for (const file of files)
        transfer.items.add(new File([new Uint8Array(file.data)], file.name, { type: file.type }));
      document
        .querySelector("main")!
        .dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { type, files },
  );
}

test("dragging files over the chat shows the drop overlay; dropped files are attached or refused", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const overlay = page.getByText("Drop files to attach");
  const image = { name: "dropped.png", type: "image/png", data: [...png(24, 12)] };
  const notes = { name: "notes.txt", type: "text/plain", data: [...Buffer.from("Notes for the drop test.")] };
  await expect(overlay).toBeHidden();
  await drag(page, "dragenter", [image, notes]);
  await expect(overlay).toBeVisible();
  await expect(page.getByText("Images (JPEG, PNG, GIF, WebP), PDFs and text files")).toBeVisible();
  await drag(page, "dragleave", [image, notes]);
  await expect(overlay).toBeHidden();

  await drag(page, "dragenter", [image, notes]);
  await drag(page, "dragover", [image, notes]);
  await drag(page, "drop", [image, notes]);
  await expect(overlay).toBeHidden();
  await expect(page.locator('[data-image-status="ready"]')).toHaveCount(1);
  await expect(page.getByRole("listitem", { name: "Attached file: notes.txt" })).toHaveAttribute(
    "data-document-status",
    "ready",
  );

  const zip = { name: "archive.txt", type: "text/plain", data: [0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe] };
  await drag(page, "drop", [zip]);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "“archive.txt” is neither an image, a PDF nor a UTF-8 text file." }),
  ).toBeVisible();
});

test("the system prompt editor opens from a button and covers no message until opened", async ({ page }) => {
  await registerAndSignIn(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await sendMessage(page, scenario("text", "First message"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const first = page.locator('[data-message-role="user"]').first();
  // The first message's top is the topmost thing at its place: nothing sits over it.
  const covered = await first.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 2);
    return !(hit && element.contains(hit));
  });
  expect(covered).toBe(false);

  const button = page.getByRole("button", { name: "Edit system prompt" });
  await button.click();
  const field = page.getByRole("textbox", { name: "This conversation's system prompt" });
  await expect(field).toBeVisible();
  await expectNoSeriousViolations(page, "system prompt editor open");
  await field.fill("Answer briefly.");
  await page.getByRole("button", { name: "Save system prompt" }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(field).toBeHidden();
  await expect(button).toBeFocused();
  await chatReady(page);
});
