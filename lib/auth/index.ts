import "server-only";
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { findSessionVersion, revokeSessions } from "@/lib/db/users";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { noteRequestUser } from "@/lib/request-context";
import { authorizeCredentials } from "./authorize";
import { authConfig, SESSION_COOKIE } from "./config";
import { tokenSessionVersion } from "./session-version";
import { SSO_PROVIDER_ID, signInWithSso, ssoProvider } from "./sso";

export { DisabledSignIn, PasswordSignInOff, ThrottledSignIn } from "./authorize";

const sso = env().sso;

async function isCurrentSession(userId: string, version: number): Promise<boolean> {
  return (await findSessionVersion(userId)) === version;
}

export const {
  handlers,
  auth: uncachedAuth,
  signIn,
  signOut,
} = NextAuth({
  ...authConfig,
  // A failed single sign-on comes back to the sign-in page, which names the cause.
  pages: { ...authConfig.pages, error: "/login" },
  providers: [
    Credentials({ credentials: { email: {}, password: {} }, authorize: authorizeCredentials }),
    ...(sso ? [ssoProvider(sso)] : []),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Single sign-on: the identity provider's user becomes one of ours (found, linked or created),
    // or the sign-in page names the refusal.
    async signIn({ user, account, profile }) {
      if (account?.provider !== SSO_PROVIDER_ID || !sso) return true;
      const result = await signInWithSso(sso, profile, (await getLocale()) as Locale);
      if (!result.ok) return `/login?error=${result.error}`;
      user.id = result.user.id;
      user.email = result.user.email;
      user.sessionVersion = result.user.sessionVersion;
      return true;
    },
    // Every session read: a token whose version is no longer the user's has ended (null clears it).
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user) return token;
      if (!token.sub || !(await isCurrentSession(token.sub, tokenSessionVersion(token)))) return null;
      return token;
    },
  },
  events: {
    // Signing out ends every session of the user; a token that has already ended changes nothing.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub) await revokeSessions(token.sub, tokenSessionVersion(token));
    },
  },
});

/** The session, once per request; null when signed out or when the session has ended. */
export const auth = cache(uncachedAuth);

// Decrypting the session token costs several ms per API call. A token already verified maps to its
// user and session version for up to a minute (never past the session's expiry); the version is
// still compared with the database on every call, so signing out takes effect at once.
const VERIFIED_FOR_MS = 60_000;
const MAX_VERIFIED = 10_000;
const verifiedTokens = new Map<string, { userId: string; version: number; until: number }>();

async function sessionToken(): Promise<string> {
  return (await cookies())
    .getAll()
    .filter((cookie) => SESSION_COOKIE.test(cookie.name))
    .map((cookie) => cookie.value)
    .join(".");
}

function unauthorized(): AppError {
  return new AppError("unauthorized:auth", "Sign in to continue.");
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
  if (known && known.until > Date.now()) {
    if (await isCurrentSession(known.userId, known.version)) return known.userId;
    verifiedTokens.delete(token);
    throw unauthorized();
  }
  const session = await auth();
  const id = session?.user?.id;
  if (!id) throw unauthorized();
  if (token) {
    if (verifiedTokens.size >= MAX_VERIFIED) verifiedTokens.clear();
    const expires = session.expires ? Date.parse(session.expires) : Number.POSITIVE_INFINITY;
    verifiedTokens.set(token, {
      userId: id,
      version: session.user?.sessionVersion ?? 0,
      until: Math.min(Date.now() + VERIFIED_FOR_MS, expires),
    });
  }
  return id;
}
