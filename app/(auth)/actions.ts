"use server";

import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { signIn, ThrottledSignIn } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { credentialsSchema, registrationSchema } from "@/lib/auth/schemas";
import { describeWait, type Wait } from "@/lib/auth/wait";
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

export async function register(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { email: rawEmail } = fields(formData);
  if (!env().REGISTRATION_OPEN) return { error: "registrationClosed", email: rawEmail };
  const parsed = registrationSchema.safeParse(fields(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email: rawEmail };
  const { email, password } = parsed.data;
  try {
    await createUser(email, await hashPassword(password), (await getLocale()) as Locale);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { error: "emailTaken", email };
    throw error;
  }
  return signInOrExplain(email, password);
}
