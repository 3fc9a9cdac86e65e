import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { findUserByEmail } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { authConfig } from "./config";
import { verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";
import { SIGN_IN_RULES, signInThrottle } from "./throttle";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}

async function authorize(rawCredentials: unknown, request: Request) {
  const parsed = credentialsSchema.safeParse(rawCredentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const emailKey = `email:${email}`;
  const ipKey = `ip:${clientIp(request)}`;
  if (
    signInThrottle.retryAfterMs(emailKey, SIGN_IN_RULES.email) > 0 ||
    signInThrottle.retryAfterMs(ipKey, SIGN_IN_RULES.ip) > 0
  ) {
    throw new ThrottledSignIn();
  }
  const user = await findUserByEmail(email);
  // Compare against a dummy hash for unknown emails so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    signInThrottle.recordFailure(emailKey, SIGN_IN_RULES.email);
    signInThrottle.recordFailure(ipKey, SIGN_IN_RULES.ip);
    return null;
  }
  signInThrottle.clear(emailKey);
  return { id: user.id, email: user.email, name: user.name };
}

const DUMMY_HASH = "$2b$11$.cFF0lfDSNIfQJUA383Td.sXBPwGPhrXT8NJyVounck/syrQMDZ8G";

export const {
  handlers,
  auth: uncachedAuth,
  signIn,
  signOut,
} = NextAuth({
  ...authConfig,
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
});

export const auth = cache(uncachedAuth);

/** The signed-in user's id, or an AppError("unauthorized:auth"). */
export async function requireUserId(): Promise<string> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) throw new AppError("unauthorized:auth", "Sign in to continue.");
  return id;
}
