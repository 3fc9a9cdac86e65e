import "server-only";
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { findSessionVersion, revokeSessions } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { noteRequestUser } from "@/lib/request-context";
import { authorizeCredentials } from "./authorize";
import { authConfig, SESSION_COOKIE } from "./config";
import { tokenSessionVersion } from "./session-version";

export { DisabledSignIn, ThrottledSignIn } from "./authorize";

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
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize: authorizeCredentials })],
  callbacks: {
    ...authConfig.callbacks,
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
