// Single sign-on over OpenID Connect (OIDC_* in the environment). The identity provider is the
// gate for new accounts: they are created whatever the registration mode, but a disabled account
// stays refused, and the first-account / ADMIN_EMAILS admin rules apply as for registration.
import "server-only";
import type { OIDCConfig } from "next-auth/providers";
import {
  createUser,
  findUserByEmail,
  findUserBySsoSubject,
  linkSsoSubject,
  noteSignIn,
} from "@/lib/db/users";
import type { SsoConfig } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { decideSsoSignIn, type SsoRefusal, ssoIdentity } from "./sso-decision";

export const SSO_PROVIDER_ID = "oidc";

export function ssoProvider(config: SsoConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER_ID,
    name: config.name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
  };
}

export interface SsoUser {
  id: string;
  email: string;
  sessionVersion: number;
}

export type SsoResult = { ok: true; user: SsoUser } | { ok: false; error: SsoRefusal | "ssoFailed" };

const sessionUser = (user: SsoUser): SsoUser => ({
  id: user.id,
  email: user.email,
  sessionVersion: user.sessionVersion,
});

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/**
 * The account an identity provider's ID token claims sign in to: found, linked or created (with
 * starter presets in `locale`).
 */
export async function signInWithSso(
  config: SsoConfig,
  claims: unknown,
  locale: Locale,
  retried = false,
): Promise<SsoResult> {
  const identity = ssoIdentity(config.issuer, claims);
  if (!identity) return { ok: false, error: "ssoFailed" };
  const [linked, sameEmail] = await Promise.all([
    findUserBySsoSubject(identity.subject),
    identity.email ? findUserByEmail(identity.email) : null,
  ]);
  const decision = decideSsoSignIn(identity, linked, sameEmail);
  try {
    switch (decision.kind) {
      case "refuse":
        return { ok: false, error: decision.reason };
      case "signIn":
      case "link": {
        const user = (decision.kind === "signIn" ? linked : sameEmail) as NonNullable<typeof linked>;
        // Lost a race with another sign-in linking the same account: decide again.
        if (decision.kind === "link" && !(await linkSsoSubject(user.id, identity.subject))) break;
        await noteSignIn(user);
        return { ok: true, user: sessionUser(user) };
      }
      case "create": {
        const user = await createUser(decision.email, "", { locale, ssoSubject: identity.subject });
        await noteSignIn(user);
        return { ok: true, user: sessionUser(user) };
      }
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return retried ? { ok: false, error: "ssoFailed" } : signInWithSso(config, claims, locale, true);
}
