// What the sign-in and registration forms do with what was posted (app/(auth)/*/route.ts).
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { DisabledSignIn, PasswordSignInOff, signIn, ThrottledSignIn } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { registrationGate } from "@/lib/auth/registration-gate";
import { takeRegistrationAttempt } from "@/lib/auth/registration-throttle";
import { credentialsSchema, registrationSchema } from "@/lib/auth/schemas";
import { signInMethods } from "@/lib/auth/sign-in-methods";
import { SSO_PROVIDER_ID } from "@/lib/auth/sso";
import { describeWait, type Wait } from "@/lib/auth/wait";
import { addressGroup, clientAddress } from "@/lib/client-address";
import { getAppSettings } from "@/lib/db/app-settings";
import { InviteRefused } from "@/lib/db/invites";
import { createUser } from "@/lib/db/users";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

/** The fields the forms post; anything else is ignored. */
export interface AuthFields {
  email: string;
  password: string;
  invite: string | null;
}

/**
 * `error` is a key of the "auth.errors" catalogue section; `wait` fills the throttled message;
 * `message` is that text in the person's language. No error: the person is signed in.
 */
export interface AuthFormState {
  error?: string;
  wait?: Wait;
  email?: string;
  message?: string;
}

async function withMessage(state: AuthFormState): Promise<AuthFormState> {
  if (!state.error) return state;
  const t = await getTranslations("auth");
  const key = `errors.${state.error}`;
  const message = t.has(key)
    ? t(key, { amount: state.wait?.amount ?? 0, unit: state.wait?.unit ?? "s" })
    : t("errors.invalidCredentials");
  return { ...state, message };
}

async function signInOrExplain(email: string, password: string): Promise<AuthFormState> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return {};
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof ThrottledSignIn)
      return { error: "throttled", wait: describeWait(error.waitMs), email };
    if (error instanceof DisabledSignIn) return { error: "accountDisabled", email };
    if (error instanceof PasswordSignInOff) return { error: "passwordSignInOff", email };
    return { error: "invalidCredentials", email };
  }
}

export async function login(fields: AuthFields): Promise<AuthFormState> {
  return withMessage(await attemptLogin(fields));
}

async function attemptLogin(fields: AuthFields): Promise<AuthFormState> {
  const parsed = credentialsSchema.safeParse(fields);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email: fields.email };
  return signInOrExplain(parsed.data.email, parsed.data.password);
}

/**
 * Creates the account unless the email is taken; both cases hash the password, so they take as long.
 * False when the invite link cannot be used.
 */
async function createAccountIfNew(email: string, password: string, inviteToken?: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  try {
    await createUser(email, passwordHash, { locale: (await getLocale()) as Locale, inviteToken });
  } catch (error) {
    if (error instanceof InviteRefused) return false;
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return true;
}

/**
 * Registration never says whether an email has an account: a new email gets its account and is
 * signed in; a taken one is signed in too when the password is the account's, and otherwise gets
 * the same refusal as any failed registration. The password check goes through the sign-in
 * throttle, so this form is no way around it. An invite link's use is taken only when an account
 * is created.
 */
export async function register(fields: AuthFields): Promise<AuthFormState> {
  return withMessage(await attemptRegistration(fields));
}

async function attemptRegistration(fields: AuthFields): Promise<AuthFormState> {
  const rawEmail = fields.email;
  if (!(await signInMethods()).password) return { error: "passwordSignInOff", email: rawEmail };
  const gate = registrationGate(
    env().REGISTRATION_OPEN,
    (await getAppSettings()).registrationMode,
    fields.invite,
  );
  if (!gate.ok) return { error: gate.error, email: rawEmail };
  const parsed = registrationSchema.safeParse(fields);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email: rawEmail };
  const { email, password } = parsed.data;
  const waitMs = await takeRegistrationAttempt(addressGroup(clientAddress(await headers())));
  if (waitMs > 0) return { error: "throttled", wait: describeWait(waitMs), email };
  if (!(await createAccountIfNew(email, password, gate.inviteToken)))
    return { error: "inviteInvalid", email };
  const signedIn = await signInOrExplain(email, password);
  return signedIn.error === "invalidCredentials" ? { error: "registrationRefused", email } : signedIn;
}

/**
 * Starts single sign-on (the caller has checked that it is set up): the identity provider's address
 * to send the browser to, which sends the person back to Auth.js's callback.
 */
export function startSsoSignIn(redirectTo: string): Promise<string> {
  return signIn(SSO_PROVIDER_ID, { redirect: false, redirectTo });
}
