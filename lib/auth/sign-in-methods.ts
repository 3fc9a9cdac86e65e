// Which ways of signing in are open: single sign-on when OIDC_* is set, passwords unless an admin
// turned them off. Passwords come back on by themselves when single sign-on is no longer
// configured, so that a changed environment cannot lock everybody out.
import "server-only";
import { getAppSettings } from "@/lib/db/app-settings";
import { env } from "@/lib/env";

export interface SignInMethods {
  /** The identity provider's name on the button, or null without single sign-on. */
  ssoName: string | null;
  password: boolean;
}

export async function signInMethods(): Promise<SignInMethods> {
  const sso = env().sso;
  if (!sso) return { ssoName: null, password: true };
  return { ssoName: sso.name, password: (await getAppSettings()).passwordSignIn };
}
