// The sign-in and registration pages as HTML with no script: forms posted the classic way, the
// server's answer a new page (app/(auth)/auth-route.ts). Styled by /auth.css.
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { SignInMethods } from "@/lib/auth/sign-in-methods";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import type { AuthFormState } from "./attempts";
import { authFormText } from "./form-text";
import { type Html, html } from "./html";

export type AuthMode = "login" | "register";

export interface AuthPageInput {
  mode: AuthMode;
  methods: SignInMethods;
  /** The last attempt's refusal (its message) and the email to show again. */
  state: AuthFormState;
  /** The token of the invite link the registration page was opened with. */
  invite?: string;
  /** The signed-in page to go to afterwards (a path of this app; "/" needs no field). */
  callbackUrl?: string;
  /** Why the last single sign-on came back without signing in, in the person's language. */
  ssoError?: string;
}

function alert(message: string | undefined): Html | false {
  return message !== undefined && html`<p role="alert" class="alert">${message}</p>`;
}

async function passwordForm({ mode, state, invite, callbackUrl }: AuthPageInput): Promise<Html> {
  const text = await authFormText(mode);
  const login = mode === "login";
  return html`<form method="post" action="/${mode}" class="form" novalidate>
<h1>${text.title}</h1>
${invite && html`<input type="hidden" name="invite" value="${invite}">`}
${callbackUrl && callbackUrl !== "/" && html`<input type="hidden" name="callbackUrl" value="${callbackUrl}">`}
<label>${text.email}<input name="email" type="email" autocomplete="email" required maxlength="254" value="${state.email ?? ""}"></label>
<label>${text.password}<input name="password" type="password" autocomplete="${login ? "current-password" : "new-password"}" required ${login ? "" : html`minlength="8" `}maxlength="200"></label>
${alert(state.message)}
<button type="submit" class="primary">${text.submit}</button>
<p class="muted"><a href="${login ? "/register" : "/login"}">${text.switchLink}</a></p>
</form>`;
}

async function pageBody(input: AuthPageInput): Promise<Html> {
  const t = await getTranslations("auth");
  const { mode, methods } = input;
  const heading = methods.password
    ? await passwordForm(input)
    : mode === "login"
      ? html`<h1>${t("signInTitle")}</h1>`
      : html`<h1>${t("registerTitle")}</h1><p class="muted">${t("registerWithSso")}</p>`;
  const sso =
    methods.ssoName !== null &&
    html`<form method="post" action="/login/sso" class="form">
${alert(input.ssoError)}
<button type="submit" class="secondary">${t("signInWith", { name: methods.ssoName })}</button>
</form>`;
  return html`<div class="stack">${heading}${sso}</div>`;
}

/** The whole document, in the person's language and chosen theme. */
async function authDocument(body: Html, head: Html | false = false): Promise<string> {
  const [locale, cookieStore, app] = await Promise.all([getLocale(), cookies(), getTranslations("app")]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return html`<!DOCTYPE html>
<html lang="${locale}"${theme === "system" ? "" : html` data-theme="${theme}"`}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${app("name")}</title>
<meta name="description" content="${app("tagline")}">
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/auth.css">
${head}
</head>
<body>
<div class="page">
<header><div class="name">${app("name")}</div><div class="muted">${app("tagline")}</div></header>
<main>${body}</main>
</div>
</body>
</html>
`.text;
}

export async function authPage(input: AuthPageInput): Promise<string> {
  return authDocument(await pageBody(input));
}

/**
 * On the way to the identity provider. A page that moves on by itself rather than a redirect: the
 * page's policy lets forms post only to this app (form-action 'self'), which browsers apply to a
 * redirect that answers the form too, and the provider's address is not known in advance.
 */
export async function continueToPage(url: string, providerName: string): Promise<string> {
  const t = await getTranslations("auth");
  return authDocument(
    html`<div class="stack"><p role="status">${t("continuingTo", { name: providerName })}</p><a href="${url}">${t("continue")}</a></div>`,
    html`<meta http-equiv="refresh" content="0;url=${url}">`,
  );
}
