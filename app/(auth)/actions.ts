"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { signIn, ThrottledSignIn } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { takeRegistrationAttempt } from "@/lib/auth/registration-gate";
import { credentialsSchema, registrationSchema } from "@/lib/auth/schemas";
import { describeWait, type Wait } from "@/lib/auth/wait";
import { addressGroup, clientAddress } from "@/lib/client-address";
import { createUser } from "@/lib/db/users";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

/** `error` is a key of the "auth.errors" catalogue section; `wait` fills the throttled message. */
export interface AuthFormState {
  error?: string;
  wait?: Wait;
  email?: string;
}

function fields(formData: FormData) {
  return { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
}

async function signInOrExplain(email: string, password: string): Promise<AuthFormState> {
  try {
    await signIn("credentials", { email, password, redirectTo: "/" });
    return {};
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // includes Next's redirect on success
    if (error instanceof ThrottledSignIn)
      return { error: "throttled", wait: describeWait(error.waitMs), email };
    return { error: "invalidCredentials", email };
  }
}

export async function login(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = credentialsSchema.safeParse(fields(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email: fields(formData).email };
  return signInOrExplain(parsed.data.email, parsed.data.password);
}

/** Creates the account unless the email is taken; both cases hash the password, so they take as long. */
async function createAccountIfNew(email: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  try {
    await createUser(email, passwordHash, (await getLocale()) as Locale);
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

/**
 * Registration never says whether an email has an account: a new email gets its account and is
 * signed in; a taken one is signed in too when the password is the account's, and otherwise gets
 * the same refusal as any failed registration. The password check goes through the sign-in
 * throttle, so this form is no way around it.
 */
export async function register(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { email: rawEmail } = fields(formData);
  if (!env().REGISTRATION_OPEN) return { error: "registrationClosed", email: rawEmail };
  const parsed = registrationSchema.safeParse(fields(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email: rawEmail };
  const { email, password } = parsed.data;
  const waitMs = await takeRegistrationAttempt(addressGroup(clientAddress(await headers())));
  if (waitMs > 0) return { error: "throttled", wait: describeWait(waitMs), email };
  await createAccountIfNew(email, password);
  const signedIn = await signInOrExplain(email, password);
  return signedIn.error === "invalidCredentials" ? { error: "registrationRefused", email } : signedIn;
}
