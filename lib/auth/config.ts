// The part of the auth configuration that needs no database: shared by proxy.ts and lib/auth/index.ts.
import type { NextAuthConfig } from "next-auth";
import { tokenSessionVersion } from "./session-version";

declare module "next-auth" {
  interface User {
    /** The user's session version at sign-in (see lib/auth/session-version.ts). */
    sessionVersion?: number;
  }
}

/** Auth.js's session cookie (with the __Secure- prefix over https, split into .0, .1… when large). */
export const SESSION_COOKIE = /(^|\.)authjs\.session-token(\.\d+)?$/;

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.sessionVersion = tokenSessionVersion(token);
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
