import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page } from "@playwright/test";

export interface TestUser {
  email: string;
  password: string;
}

/** The admin account: playwright.config.ts lists its email in ADMIN_EMAILS; whichever test needs it first registers it. */
export const ADMIN: TestUser = { email: "admin@admin.e2e.test", password: "admin-e2e-password-0123" };

export function uniqueUser(): TestUser {
  return { email: `user-${randomUUID()}@example.test`, password: `pw-${randomUUID()}` };
}

/** Registers a fresh user through the UI and lands on the chat page signed in. */
export async function registerAndSignIn(page: Page, user: TestUser = uniqueUser()): Promise<TestUser> {
  await page.goto("/register");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Hashing the password takes a while on a busy machine.
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await chatReady(page);
  return user;
}

/** Submits the sign-in form and waits for the server's answer (the alert text may be left from before). */
export async function signIn(page: Page, user: TestUser) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/login",
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The form's own alert (Next.js also renders a route-announcer element with role="alert"). */
export function formAlert(page: Page) {
  return page.locator("form").getByRole("alert");
}

/** Waits until the chat page has hydrated (its controls then react to input). */
export async function chatReady(page: Page) {
  await page.locator("main[data-chat-ready]").waitFor();
}

export async function sendMessage(page: Page, text: string) {
  await chatReady(page);
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
}

export function lastReply(page: Page) {
  return page.locator('[data-message-role="assistant"]').last();
}

/** A message that makes the test double answer with `spec`, unique so tests never share state. */
export function scenario(spec: string, text = "Tell me something") {
  return `${text} ${randomUUID().slice(0, 8)} [[double:${spec}]]`;
}

interface RecordedRequest {
  path: string;
  headers: Record<string, string>;
  body: { messages?: { role: string; content: unknown }[]; [key: string]: unknown };
}

/** Requests the test double received for /v1/messages whose last user message contains `needle`. */
export async function doubleRequests(needle: string): Promise<RecordedRequest[]> {
  const response = await fetch(`${process.env.E2E_DOUBLE_URL}/__double/requests?path=/v1/messages`);
  const all = (await response.json()) as RecordedRequest[];
  return all.filter((request) => JSON.stringify(request.body?.messages?.at(-1) ?? "").includes(needle));
}

/**
 * Every /v1/messages request of a turn whose user message contains `needle`, in order: a multi-step
 * reply's later calls end with tool results, so the whole conversation is searched.
 */
export async function doubleRequestsOfTurn(needle: string): Promise<RecordedRequest[]> {
  const response = await fetch(`${process.env.E2E_DOUBLE_URL}/__double/requests?path=/v1/messages`);
  const all = (await response.json()) as RecordedRequest[];
  return all.filter((request) => {
    const messages = request.body?.messages ?? [];
    const lastText = messages.findLast(
      (message) =>
        message.role === "user" &&
        Array.isArray(message.content) &&
        message.content.some((block) => (block as { type?: string }).type === "text"),
    );
    return JSON.stringify(lastText?.content ?? "").includes(needle);
  });
}

/** A second, freshly registered user in a browser context of its own. */
export async function stranger(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  await registerAndSignIn(page);
  return { page, close: () => context.close() };
}
