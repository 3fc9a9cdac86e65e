import { expect, test } from "@playwright/test";
import { chatReady, formAlert, registerAndSignIn, signIn, signOut, uniqueUser } from "./helpers";

test("register, reach the chat page, sign out, sign in again", async ({ page }) => {
  const user = await registerAndSignIn(page);
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/$/);
});

test("wrong password is refused with a clear message", async ({ page }) => {
  const user = await registerAndSignIn(page);
  await signOut(page);
  await signIn(page, { ...user, password: "definitely-wrong" });
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failed sign-ins from one address must wait, with the wait shown", async ({ page }) => {
  const user = await registerAndSignIn(page);
  await signOut(page);
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, { ...user, password: `wrong-${attempt}` });
    await expect(formAlert(page)).toHaveText("Wrong email or password.");
  }
  await signIn(page, user);
  await expect(formAlert(page)).toHaveText(/^Too many attempts\. Try again in \d+ s\.$/);
  await expect(page).toHaveURL(/\/login/);
});

test("failed sign-ins from other addresses do not lock the owner out", async ({ page, browser }) => {
  test.slow(); // seven password checks and page loads
  const owner = await registerAndSignIn(page);
  await signOut(page);
  // Five clients elsewhere, as the trusted proxy (TRUSTED_PROXIES=127.0.0.1 in these tests) reports them.
  for (let address = 1; address <= 5; address++) {
    const context = await browser.newContext({
      extraHTTPHeaders: { "Accept-Language": "en", "X-Forwarded-For": `203.0.113.${address}` },
    });
    const attacker = await context.newPage();
    await signIn(attacker, { ...owner, password: `guess-${address}` });
    await expect(formAlert(attacker)).toHaveText("Wrong email or password.");
    await context.close();
  }
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/$/);
});

test("without a trusted proxy, X-Forwarded-For and a forged peer header change nothing", async () => {
  // The demo instance trusts no proxy: every attempt below comes from 127.0.0.1, whatever it claims.
  const base = process.env.E2E_DEMO_URL;
  const email = uniqueUser().email;
  const attempt = async (index: number) => {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const cookie = csrf.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        "x-forwarded-for": `203.0.113.${index}`,
        "x-chat-peer-address": `198.51.100.${index}`,
      },
      body: new URLSearchParams({ csrfToken, email, password: `guess-${index}` }),
    });
    return new URL(response.headers.get("location") ?? "", base).searchParams.get("code");
  };
  for (let index = 1; index <= 5; index++) expect(await attempt(index)).toBe("credentials");
  expect(await attempt(6)).toBe("throttled");
});

test("registering a taken email gets the neutral answer and no second account", async ({ page, browser }) => {
  const user = await registerAndSignIn(page);
  const other = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const register = async (password: string) => {
    await other.goto("/register");
    await other.getByLabel("Email").fill(user.email.toUpperCase());
    await other.getByLabel("Password").fill(password);
    await other.getByRole("button", { name: "Create account" }).click();
  };
  await register("another-password");
  await expect(formAlert(other)).toHaveText(
    "Could not create an account with this email and password. If you already have an account, sign in instead.",
  );
  await signIn(other, { ...user, password: "another-password" });
  await expect(formAlert(other)).toHaveText("Wrong email or password.");
  // The account's own password signs in from the registration form, as for a new email.
  await register(user.password);
  await expect(other).toHaveURL(/\/$/);
  await chatReady(other);
});

test("registration validates input", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("long-enough");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(formAlert(page)).toHaveText("Enter a valid email address.");
  await page.getByLabel("Email").fill(uniqueUser().email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(formAlert(page)).toHaveText("The password must be at least 8 characters.");
});

test("signed-out requests: pages redirect to /login, APIs answer 401 JSON", async ({ page, request }) => {
  await page.goto("/c/some-id");
  await expect(page).toHaveURL(/\/login/);
  const response = await request.get("/api/conversations");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthorized:auth");
});

test("the sign-in pages work with no script at all, and signing in returns to the page asked for", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "Accept-Language": "en" },
  });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    const onSignInPage = ["/login", "/register"].includes(new URL(page.url()).pathname);
    if (onSignInPage && request.resourceType() === "script") scripts.push(request.url());
  });
  const user = uniqueUser();
  await page.goto("/register");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(formAlert(page)).toHaveText("The password must be at least 8 characters.");
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await context.clearCookies();

  await page.goto("/usage");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fusage$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/usage$/);
  await context.close();
  expect(scripts).toEqual([]);
});

test("a sign-in form posted from another site's page is refused", async ({ request }) => {
  const user = uniqueUser();
  for (const path of ["/login", "/register", "/login/sso"]) {
    const response = await request.post(path, {
      headers: { Origin: "https://evil.example" },
      form: { email: user.email, password: user.password },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden:origin" } });
  }
  const json = await request.post("/login", { data: { email: user.email, password: user.password } });
  expect(json.status()).toBe(415);
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.ok()).toBe(true);
  expect(await response.json()).toMatchObject({ status: "ok", database: { kind: "sqlite", ok: true } });
});
