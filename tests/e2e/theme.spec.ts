// The theme switch in the account menu: System follows the device, Light and Dark override it, at
// once and after a reload (the server renders the chosen theme).
import { expect, type Page, test } from "@playwright/test";
import { registerAndSignIn } from "./helpers";

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const WHITE = "rgb(255, 255, 255)";

async function pickTheme(page: Page, name: "System" | "Light" | "Dark") {
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: name });
}

test("Dark and Light override the device's setting, at once and after a reload; System follows it", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await registerAndSignIn(page);
  expect(await background(page)).toBe(WHITE);

  await pickTheme(page, "Dark");
  await expect.poll(() => background(page)).not.toBe(WHITE);
  const dark = await background(page);
  await page.reload();
  expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
  expect(await background(page)).toBe(dark);

  await page.emulateMedia({ colorScheme: "dark" });
  await pickTheme(page, "Light");
  await expect.poll(() => background(page)).toBe(WHITE);
  await page.reload();
  expect(await background(page)).toBe(WHITE);

  await pickTheme(page, "System");
  await expect.poll(() => background(page)).toBe(dark);
  await page.reload();
  expect(await page.locator("html").getAttribute("data-theme")).toBeNull();
  expect(await background(page)).toBe(dark);
});

test("the theme menu speaks Japanese", async ({ page }) => {
  await registerAndSignIn(page);
  await page.context().addCookies([{ name: "locale", value: "ja", url: page.url() }]);
  await page.reload();
  await page.getByRole("button", { name: "アカウント" }).click();
  const select = page.getByRole("combobox", { name: "テーマ" });
  await expect(select.locator("option")).toHaveText(["システム", "ライト", "ダーク"]);
});
