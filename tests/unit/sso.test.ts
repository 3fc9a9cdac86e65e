import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { decideSsoSignIn, type SsoAccount, ssoErrorKey, ssoIdentity } from "@/lib/auth/sso-decision";
import { EnvError, parseEnv } from "@/lib/env";
import en from "@/lib/i18n/messages/en/auth.json";
import ja from "@/lib/i18n/messages/ja/auth.json";

const ISSUER = "https://idp.example.test";
const identity = (overrides: Partial<ReturnType<typeof ssoIdentity>> = {}) => ({
  subject: `${ISSUER} alice`,
  email: "alice@example.test",
  emailVerified: true,
  ...overrides,
});
const account = (overrides: Partial<SsoAccount> = {}): SsoAccount => ({
  id: "user-1",
  status: "active",
  ssoSubject: null,
  ...overrides,
});

describe("ssoIdentity", () => {
  it("reads subject, email (normalised) and email_verified from ID token claims", () => {
    expect(
      ssoIdentity(ISSUER, { sub: "alice", email: " Alice@Example.TEST ", email_verified: true }),
    ).toEqual({
      subject: `${ISSUER} alice`,
      email: "alice@example.test",
      emailVerified: true,
    });
  });

  it('accepts email_verified as the string "true"; anything else is unverified', () => {
    expect(ssoIdentity(ISSUER, { sub: "a", email: "a@x.test", email_verified: "true" })?.emailVerified).toBe(
      true,
    );
    expect(ssoIdentity(ISSUER, { sub: "a", email: "a@x.test", email_verified: "yes" })?.emailVerified).toBe(
      false,
    );
    expect(ssoIdentity(ISSUER, { sub: "a", email: "a@x.test" })?.emailVerified).toBe(false);
  });

  it("drops an unusable email and refuses claims without a subject", () => {
    expect(ssoIdentity(ISSUER, { sub: "a", email: "not-an-email", email_verified: true })?.email).toBeNull();
    expect(ssoIdentity(ISSUER, { email: "a@x.test" })).toBeNull();
    expect(ssoIdentity(ISSUER, { sub: "" })).toBeNull();
    expect(ssoIdentity(ISSUER, { sub: "x".repeat(256) })).toBeNull();
    expect(ssoIdentity(ISSUER, null)).toBeNull();
  });
});

describe("decideSsoSignIn", () => {
  it("signs in to the account already linked to the subject, whatever the email says", () => {
    const linked = account({ id: "linked", ssoSubject: `${ISSUER} alice` });
    expect(decideSsoSignIn(identity({ email: null, emailVerified: false }), linked, null)).toEqual({
      kind: "signIn",
      userId: "linked",
    });
  });

  it("refuses a disabled account, linked or found by email", () => {
    const disabled = account({ status: "disabled", ssoSubject: `${ISSUER} alice` });
    expect(decideSsoSignIn(identity(), disabled, null)).toEqual({
      kind: "refuse",
      reason: "accountDisabled",
    });
    expect(decideSsoSignIn(identity(), null, account({ status: "disabled" }))).toEqual({
      kind: "refuse",
      reason: "accountDisabled",
    });
  });

  it("links an existing password account only when the provider verified the email", () => {
    expect(decideSsoSignIn(identity(), null, account())).toEqual({ kind: "link", userId: "user-1" });
    expect(decideSsoSignIn(identity({ emailVerified: false }), null, account())).toEqual({
      kind: "refuse",
      reason: "ssoEmailUnverified",
    });
  });

  it("never moves an account linked to another identity", () => {
    const other = account({ ssoSubject: `${ISSUER} mallory` });
    expect(decideSsoSignIn(identity(), null, other)).toEqual({
      kind: "refuse",
      reason: "ssoLinkedElsewhere",
    });
  });

  it("creates an account for a new verified email, and refuses without one", () => {
    expect(decideSsoSignIn(identity(), null, null)).toEqual({ kind: "create", email: "alice@example.test" });
    expect(decideSsoSignIn(identity({ email: null }), null, null)).toEqual({
      kind: "refuse",
      reason: "ssoNoEmail",
    });
    expect(decideSsoSignIn(identity({ emailVerified: false }), null, null)).toEqual({
      kind: "refuse",
      reason: "ssoEmailUnverified",
    });
  });
});

describe("ssoErrorKey", () => {
  it("names the sign-in callback's refusals, and any other Auth.js error as a failed sign-on", () => {
    expect(ssoErrorKey("ssoEmailUnverified")).toBe("ssoEmailUnverified");
    expect(ssoErrorKey("accountDisabled")).toBe("accountDisabled");
    expect(ssoErrorKey("Configuration")).toBe("ssoFailed");
    expect(ssoErrorKey("AccessDenied")).toBe("ssoFailed");
    expect(ssoErrorKey(["ssoNoEmail"])).toBeUndefined();
    expect(ssoErrorKey("CredentialsSignin")).toBeUndefined();
    expect(ssoErrorKey(undefined)).toBeUndefined();
  });

  it("every key it returns has a message in English and Japanese", () => {
    const keys = ["accountDisabled", "ssoNoEmail", "ssoEmailUnverified", "ssoLinkedElsewhere", "x"];
    for (const locale of ["en", "ja"] as const) {
      const t = createTranslator({
        locale,
        messages: { auth: locale === "en" ? en : ja },
        namespace: "auth",
      });
      const catalogue: Record<string, string> = (locale === "en" ? en : ja).errors;
      for (const key of keys) expect(catalogue[ssoErrorKey(key) ?? ""]).toEqual(expect.any(String));
      expect(t("signInWith", { name: "Okta" })).toBe(
        locale === "en" ? "Sign in with Okta" : "Oktaでサインイン",
      );
    }
  });
});

describe("OIDC_* environment", () => {
  const full = { OIDC_ISSUER: ISSUER, OIDC_CLIENT_ID: "chat", OIDC_CLIENT_SECRET: "s3cret" };

  it("enables single sign-on when issuer, client id and secret are all set", () => {
    expect(parseEnv({}).sso).toBeNull();
    expect(parseEnv(full).sso).toEqual({
      issuer: ISSUER,
      clientId: "chat",
      clientSecret: "s3cret",
      name: "SSO",
    });
    expect(parseEnv({ ...full, OIDC_NAME: "Okta" }).sso?.name).toBe("Okta");
  });

  it("names the missing variables of a partial configuration, never the secret", () => {
    let thrown: unknown;
    try {
      parseEnv({ OIDC_ISSUER: ISSUER, OIDC_CLIENT_SECRET: "s3cret" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    const message = (thrown as EnvError).message;
    expect(message).toContain("OIDC_CLIENT_ID");
    expect(message).not.toContain("s3cret");
    expect(() => parseEnv({ ...full, OIDC_ISSUER: "ftp://idp" })).toThrow(/OIDC_ISSUER/);
  });
});

describe("accounts created by single sign-on", () => {
  it("have no password that signs in", async () => {
    expect(await verifyPassword("", "")).toBe(false);
    expect(await verifyPassword("anything", "")).toBe(false);
  });
});
