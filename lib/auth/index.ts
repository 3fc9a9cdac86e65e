import "server-only";
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { findUserByEmail } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { noteRequestUser } from "@/lib/request-context";
import { authConfig, SESSION_COOKIE } from "./config";
import { verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";
import { clearSignInFailures, clientIp, recordSignInFailure, signInWaitMs } from "./throttle";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

async function authorize(rawCredentials: unknown, request: Request) {
  const parsed = credentialsSchema.safeParse(rawCredentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIp(request.headers);
  if (signInWaitMs(email, ip) > 0) throw new ThrottledSignIn();
  const user = await findUserByEmail(email);
  // Compare against a dummy hash for unknown emails so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    recordSignInFailure(email, ip);
    return null;
  }
  clearSignInFailures(email);
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

// Decrypting the session token costs several ms per API call. A token already verified maps to its
// user for up to a minute (never past the session's expiry); only verified tokens are remembered.
const VERIFIED_FOR_MS = 60_000;
const MAX_VERIFIED = 10_000;
const verifiedTokens = new Map<string, { userId: string; until: number }>();

async function sessionToken(): Promise<string> {
  return (await cookies())
    .getAll()
    .filter((cookie) => SESSION_COOKIE.test(cookie.name))
    .map((cookie) => cookie.value)
    .join(".");
}

/** The signed-in user's id, or an AppError("unauthorized:auth"). */
export async function requireUserId(): Promise<string> {
  const id = await verifiedUserId();
  noteRequestUser(id);
  return id;
}

async function verifiedUserId(): Promise<string> {
  const token = await sessionToken();
  const known = token ? verifiedTokens.get(token) : undefined;
  if (known && known.until > Date.now()) return known.userId;
  const session = await auth();
  const id = session?.user?.id;
  if (!id) throw new AppError("unauthorized:auth", "Sign in to continue.");
  if (token) {
    if (verifiedTokens.size >= MAX_VERIFIED) verifiedTokens.clear();
    const expires = session.expires ? Date.parse(session.expires) : Number.POSITIVE_INFINITY;
    verifiedTokens.set(token, { userId: id, until: Math.min(Date.now() + VERIFIED_FOR_MS, expires) });
  }
  return id;
}
