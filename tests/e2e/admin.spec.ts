// The admin console: spend in the users table, budgets refusing a message before it goes upstream,
// disabling a user, invite links, and 404 for everyone who is not an admin. The admin is the account
// that playwright.config.ts lists in ADMIN_EMAILS (registered by whichever test needs it first).
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  ADMIN,
  chatReady,
  doubleRequests,
  formAlert,
  lastReply,
  registerAndSignIn,
  scenario,
  sendMessage,
  signIn,
  uniqueUser,
} from "./helpers";

/** The admin, signed in, in a browser context of its own, on /admin. */
async function adminPage(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  // A taken email with the right password signs in.
  await registerAndSignIn(page, ADMIN);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  return { page, close: () => context.close() };
}

function userRow(page: Page, email: string) {
  return page.locator(`tr[data-user-email="${email}"]`);
}

async function setBudget(page: Page, email: string, value: string) {
  const row = userRow(page, email);
  await row.getByLabel("Monthly budget (USD)").fill(value);
  await row.getByRole("button", { name: "Save budget" }).click();
}

test.describe.configure({ timeout: 120_000 });

test("a user's spend shows on /usage and in the admin table after a reply", async ({ page, browser }) => {
  const user = await registerAndSignIn(page);
  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-sonnet-4-6");
  await sendMessage(page, scenario("text?input=1500&output=267", "Spend check"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const cost = (await lastReply(page).locator("[data-usage]").getAttribute("data-cost-usd")) ?? "";
  expect(Number(cost)).toBeCloseTo(0.008505, 9); // $3 / $15 per million input / output tokens
  await page.goto("/usage");
  await expect(page.locator("[data-usage-total-usd]")).toHaveAttribute("data-usage-total-usd", cost);

  const admin = await adminPage(browser);
  const spent = userRow(admin.page, user.email).locator("[data-month-to-date-usd]");
  expect(Number(await spent.getAttribute("data-month-to-date-usd"))).toBeCloseTo(Number(cost), 9);
  await expect(admin.page.locator("[data-team-total-usd]")).toBeVisible();
  // The double reports rate limits on every Messages response, as the API does.
  await expect(admin.page.locator('tr[data-rate-limit="requests"]')).toHaveAttribute("data-limit", "4000");
  await expect(admin.page.locator('tr[data-rate-limit="outputTokens"]')).toHaveAttribute(
    "data-limit",
    "400000",
  );

  // A $0.01 budget is 85 % used: the composer warns.
  await setBudget(admin.page, user.email, "0.01");
  await expect(userRow(admin.page, user.email).getByText("Saved")).toBeVisible();
  await admin.close();
  await page.goto("/");
  await expect(page.locator('[role="status"][data-budget-level="warning"]')).toContainText(
    "of your monthly budget of $0.01 (85 %)",
  );
});

test("a budget below the next message's cost refuses it before anything goes upstream", async ({
  page,
  browser,
}) => {
  const user = await registerAndSignIn(page);
  const admin = await adminPage(browser);
  // Bad budgets are refused with their reason.
  await setBudget(admin.page, user.email, "-5");
  await expect(userRow(admin.page, user.email).getByRole("alert")).toHaveText(
    "The budget cannot be negative.",
  );
  await setBudget(admin.page, user.email, "lots");
  await expect(userRow(admin.page, user.email).getByRole("alert")).toHaveAttribute(
    "data-error-code",
    "bad_request:budget",
  );
  await setBudget(admin.page, user.email, "0");
  await expect(userRow(admin.page, user.email).getByText("Saved")).toBeVisible();
  await admin.close();

  const message = scenario("text", "Over budget");
  await page.reload();
  await sendMessage(page, message);
  const alert = page.locator('[role="alert"][data-error-code="budget_exceeded"]');
  await expect(alert).toContainText("This would exceed your monthly budget of $0.00. It resets on");
  // The composer says the budget is used up; the double never saw the message.
  await page.reload();
  await chatReady(page);
  await expect(page.locator('[data-budget-level="exceeded"]')).toBeVisible();
  expect(await doubleRequests(message.split(" [[")[0] ?? message)).toEqual([]);
});

test("a disabled user is signed out on their next request and cannot sign in", async ({ page, browser }) => {
  const user = await registerAndSignIn(page);
  const admin = await adminPage(browser);
  const row = userRow(admin.page, user.email);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText(
    "This account has been disabled. Ask an administrator to enable it.",
  );

  // An admin cannot disable themselves.
  await userRow(admin.page, ADMIN.email).getByRole("button", { name: "Disable" }).click();
  await expect(userRow(admin.page, ADMIN.email).getByRole("alert")).toHaveAttribute(
    "data-error-code",
    "forbidden:self",
  );
  await admin.close();
});

async function createInvite(page: Page, uses: string, hours: string) {
  await page.getByLabel("Uses").fill(uses);
  await page.getByLabel("Expires in (hours)").fill(hours);
  const created = page.waitForResponse((response) => response.url().endsWith("/api/admin/invites"));
  await page.getByRole("button", { name: "Create invite link" }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await expect(page.getByRole("textbox", { name: "Invite link" })).toHaveValue(/invite=/);
  return { id, link: await page.getByRole("textbox", { name: "Invite link" }).inputValue() };
}

async function registerWithLink(browser: Browser, link: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  const user = uniqueUser();
  await page.goto(link);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  return { page, user, close: () => context.close() };
}

const INVITE_REFUSED =
  "This invite link cannot be used: it has expired or has been used up. Ask an administrator for a new one.";

test("an invite link registers exactly once; a second use and an expired link are refused", async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  const once = await createInvite(admin.page, "1", "72");
  expect(once.link).toMatch(/\/register\?invite=[\w-]{16,}$/);

  const first = await registerWithLink(browser, once.link);
  await expect(first.page).toHaveURL(/\/$/, { timeout: 30_000 });
  await chatReady(first.page);
  await first.close();

  const second = await registerWithLink(browser, once.link);
  await expect(formAlert(second.page)).toHaveText(INVITE_REFUSED);
  await expect(second.page).toHaveURL(/\/register/);
  // The refused registration made no account: its email and password do not sign in.
  await signIn(second.page, second.user);
  await expect(formAlert(second.page)).toHaveText("Wrong email or password.");
  await second.close();

  const shortLived = await createInvite(admin.page, "5", "0.0005"); // 1.8 s
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const late = await registerWithLink(browser, shortLived.link);
  await expect(formAlert(late.page)).toHaveText(INVITE_REFUSED);
  await late.close();

  // The admin sees each link's uses and state, and the audit log has the invites.
  await admin.page.reload();
  await expect(admin.page.locator(`li[data-invite-id="${once.id}"]`)).toContainText("1 of 1 used · used up");
  await expect(admin.page.locator(`li[data-invite-id="${shortLived.id}"]`)).toContainText(
    "0 of 5 used · expired",
  );
  await expect(admin.page.locator('tr[data-audit-action="invite"]').first()).toBeVisible();
  await admin.close();
});

test("an invite with no uses or no lifetime is refused with a message, and no link is made", async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  const invites = admin.page.getByRole("region", { name: "Invite links" });
  for (const [uses, hours, message] of [
    ["0", "72", "Uses must be a whole number from 1 to 1000."],
    ["1", "-1", "The expiry must be more than 0 and at most 2160 hours (90 days)."],
    ["1", "abc", "The expiry must be more than 0 and at most 2160 hours (90 days)."],
  ] as const) {
    await admin.page.getByLabel("Uses").fill(uses);
    await admin.page.getByLabel("Expires in (hours)").fill(hours);
    await admin.page.getByRole("button", { name: "Create invite link" }).click();
    await expect(invites.getByRole("alert")).toHaveText(message);
    await expect(admin.page.getByRole("textbox", { name: "Invite link" })).toHaveCount(0);
  }
  await admin.close();
});

test("a non-admin gets 404 on /admin and its routes until an admin promotes them", async ({
  page,
  browser,
}) => {
  const admin = await adminPage(browser); // the admin exists, so this user is not the first
  const user = await registerAndSignIn(page);
  expect((await page.goto("/admin"))?.status()).toBe(404);
  const json = { headers: { "Content-Type": "application/json" } };
  expect((await page.request.get("/api/admin/users")).status()).toBe(404);
  expect((await page.request.get("/api/admin/settings")).status()).toBe(404);
  expect((await page.request.get("/api/admin/invites")).status()).toBe(404);
  expect(
    (
      await page.request.patch("/api/admin/settings", { ...json, data: { registrationMode: "open" } })
    ).status(),
  ).toBe(404);
  expect(
    (
      await page.request.post("/api/admin/invites", { ...json, data: { maxUses: 1, expiresInHours: 1 } })
    ).status(),
  ).toBe(404);
  expect(
    (
      await page.request.patch("/api/admin/users/anyone", {
        ...json,
        data: { change: "role", role: "admin" },
      })
    ).status(),
  ).toBe(404);

  await admin.page.reload();
  await userRow(admin.page, user.email).getByRole("combobox", { name: "Role" }).selectOption("admin");
  await expect(admin.page.locator('tr[data-audit-action="role"]').first()).toContainText(user.email);
  expect((await page.goto("/admin"))?.status()).toBe(200);
  await expect(userRow(page, user.email).getByRole("combobox", { name: "Role" })).toHaveValue("admin");
  await admin.close();
});

test("password sign-in cannot be turned off while single sign-on is not configured", async ({
  page,
  browser,
}) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign in with/ })).toHaveCount(0);
  const admin = await adminPage(browser);
  await expect(admin.page.getByText("Single sign-on is not configured")).toBeVisible();
  await expect(admin.page.getByRole("checkbox", { name: "Password sign-in" })).toBeDisabled();
  const response = await admin.page.request.patch("/api/admin/settings", {
    headers: { "Content-Type": "application/json" },
    data: { passwordSignIn: false },
  });
  expect(response.status()).toBe(409);
  expect((await response.json()).error.code).toBe("conflict:sso_not_configured");
  await admin.close();
});
