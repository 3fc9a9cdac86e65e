// The sign-in and registration pages' route handlers: GET shows the page, POST takes the form and
// either signs the person in (303 to where they were going) or shows the page again with why not.
import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInMethods } from "@/lib/auth/sign-in-methods";
import { ssoErrorKey } from "@/lib/auth/sso-decision";
import { AppError } from "@/lib/errors";
import { readForm, route } from "@/lib/http";
import { type AuthFields, type AuthFormState, login, register } from "./attempts";
import { type AuthMode, authPage } from "./auth-page";

const MAX_FORM_BYTES = 16_384;

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export function htmlResponse(document: string, status = 200): Response {
  return new Response(document, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

async function ssoErrorText(request: NextRequest): Promise<string | undefined> {
  const key = ssoErrorKey(request.nextUrl.searchParams.get("error"));
  if (!key) return undefined;
  const t = await getTranslations("auth");
  return t(`errors.${key}`, { amount: 0, unit: "s" });
}

function fieldsOf(form: URLSearchParams): AuthFields {
  return { email: form.get("email") ?? "", password: form.get("password") ?? "", invite: form.get("invite") };
}

export function authPageRoutes(mode: AuthMode) {
  const attempt = mode === "login" ? login : register;

  const GET = route(async (request: NextRequest) => {
    if ((await auth())?.user) return seeOther("/");
    const query = request.nextUrl.searchParams;
    const page = await authPage({
      mode,
      methods: await signInMethods(),
      state: {},
      invite: mode === "register" ? query.get("invite")?.slice(0, 100) : undefined,
      callbackUrl: safeCallbackUrl(query.get("callbackUrl")),
      ssoError: mode === "login" ? await ssoErrorText(request) : undefined,
    });
    return htmlResponse(page);
  });

  const POST = route(async (request: NextRequest) => {
    const form = await readForm(
      request,
      MAX_FORM_BYTES,
      () => new AppError("payload_too_large:input", "The form is too large."),
    );
    const state: AuthFormState = await attempt(fieldsOf(form));
    const callbackUrl = safeCallbackUrl(form.get("callbackUrl"));
    if (!state.error) return seeOther(callbackUrl);
    const page = await authPage({
      mode,
      methods: await signInMethods(),
      state,
      invite: form.get("invite")?.slice(0, 100),
      callbackUrl,
    });
    return htmlResponse(page, state.error === "throttled" ? 429 : 400);
  });

  return { GET, POST };
}
