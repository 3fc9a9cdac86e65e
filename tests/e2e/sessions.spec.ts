import { expect, test } from "@playwright/test";
import { registerAndSignIn, signOut } from "./helpers";

test("signing out ends the session: a copied session cookie stops working", async ({ page, browser }) => {
  await registerAndSignIn(page);
  const copied = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await copied.addCookies(await page.context().cookies());
  try {
    expect((await copied.request.get("/api/conversations")).status()).toBe(200);
    await signOut(page);
    const api = await copied.request.get("/api/conversations");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthorized:auth");
    const replayed = await copied.newPage();
    await replayed.goto("/");
    await expect(replayed).toHaveURL(/\/login/);
    await replayed.goto("/presets");
    await expect(replayed).toHaveURL(/\/login/);
  } finally {
    await copied.close();
  }
});
