// Single sign-on against a real OpenID Connect provider (tests/support/oidc-provider.mjs, the
// `oidc-provider` package with its development login page), on the "sso" app instance. Serial:
// one test turns password sign-in off for the whole instance.
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  chatReady,
  lastReply,
  registerAndSignIn,
  scenario,
  sendMessage,
  signOut,
  uniqueUser,
} from "./helpers";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const ADMIN = { email: "admin@admin.e2e.test", password: "admin-e2e-password-0123" };
const SSO_BUTTON = { name: "Sign in with Test IdP" };

/** From /login through the identity provider's login page; `login` is the email (see the provider). */
async function signInWithSso(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", SSO_BUTTON).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  return { page: await context.newPage(), close: () => context.close() };
}

async function adminPage(browser: Browser) {
  const admin = await freshPage(browser);
  await registerAndSignIn(admin.page, ADMIN); // a taken email with the right password signs in
  await admin.page.goto("/admin");
  await expect(admin.page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  return admin;
}

/** A direct POST of credentials to Auth.js, as a script would send it: the `code` it is sent back with. */
async function postCredentials(baseURL: string, email: string, password: string) {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  return new URL(response.headers.get("location") ?? "", baseURL).searchParams.get("code");
}

test("a new user signs in with single sign-on: the account is created and lands in the chat", async ({
  page,
  browser,
}) => {
  const email = uniqueUser().email;
  await page.goto("/login");
  // Password sign-in is on: both ways are offered.
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", SSO_BUTTON)).toBeVisible();
  await signInWithSso(page, email);
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await chatReady(page);
  await expect(page.getByRole("button", { name: "Account", exact: true })).toHaveText(email);

  const admin = await adminPage(browser);
  await expect(admin.page.locator(`tr[data-user-email="${email}"]`)).toBeVisible();
  await admin.close();

  // Signing out ends the session; the provider's own session signs the user in again at once.
  await signOut(page);
  await page.getByRole("button", SSO_BUTTON).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Account", exact: true })).toHaveText(email);
});

test("an existing password account is linked on a verified email, never on an unverified one", async ({
  page,
  browser,
}) => {
  const user = await registerAndSignIn(page);
  const message = scenario("text", "Linked conversation check");
  await sendMessage(page, message);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await signOut(page);

  const unverified = await freshPage(browser);
  await signInWithSso(unverified.page, `${user.email}#unverified`);
  await expect(unverified.page).toHaveURL(/\/login\?error=ssoEmailUnverified/, { timeout: 30_000 });
  await expect(unverified.page.locator("form").getByRole("alert")).toHaveText(
    "Your identity provider has not verified your email address, so it cannot sign you in here.",
  );
  await unverified.close();

  await signInWithSso(page, user.email);
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await chatReady(page);
  await expect(page.getByRole("button", { name: "Account", exact: true })).toHaveText(user.email);
  // The same account: its conversation is there.
  await expect(
    page
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("link", { name: /Linked conversation check/ }),
  ).toBeVisible();
});

test("an admin turns password sign-in off: only single sign-on is offered, credentials are refused", async ({
  browser,
  baseURL,
}) => {
  const passwordUser = uniqueUser();
  const visitor = await freshPage(browser);
  await registerAndSignIn(visitor.page, passwordUser);
  await signOut(visitor.page);

  const admin = await adminPage(browser);
  const toggle = admin.page.getByRole("checkbox", { name: "Password sign-in" });
  await expect(toggle).toBeChecked();
  try {
    await toggle.uncheck();
    await expect(toggle).not.toBeChecked();
    await expect(admin.page.locator('tr[data-audit-action="password_sign_in"]').first()).toContainText(
      "Password sign-in changed from on to off",
    );

    await visitor.page.goto("/login");
    await expect(visitor.page.getByRole("button", SSO_BUTTON)).toBeVisible();
    await expect(visitor.page.getByLabel("Email")).toHaveCount(0);
    await expect(visitor.page.getByLabel("Password")).toHaveCount(0);
    await expect(visitor.page.getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);
    await visitor.page.goto("/register");
    await expect(visitor.page.getByRole("button", { name: "Create account" })).toHaveCount(0);
    await expect(visitor.page.getByRole("button", SSO_BUTTON)).toBeVisible();

    // The right password of an existing account is refused with its own code.
    expect(await postCredentials(baseURL ?? "", passwordUser.email, passwordUser.password)).toBe(
      "password_sign_in_off",
    );
    // Single sign-on still signs in, to the same account.
    await signInWithSso(visitor.page, passwordUser.email);
    await expect(visitor.page).toHaveURL(/\/$/, { timeout: 30_000 });
    await expect(visitor.page.getByRole("button", { name: "Account", exact: true })).toHaveText(
      passwordUser.email,
    );
  } finally {
    await admin.page.reload();
    await admin.page.getByRole("checkbox", { name: "Password sign-in" }).check();
    await expect(admin.page.locator('tr[data-audit-action="password_sign_in"]').first()).toContainText(
      "Password sign-in changed from off to on",
    );
  }
  expect(await postCredentials(baseURL ?? "", passwordUser.email, "wrong-password")).toBe("credentials");
  await admin.close();
  await visitor.close();
});
