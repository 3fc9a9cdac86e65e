import { describe, expect, it } from "vitest";
import { signInWithSso } from "@/lib/auth/sso";
import { changeAppSettings, getAppSettings } from "@/lib/db/app-settings";
import { auditPage } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { createUser, findUserByEmail } from "@/lib/db/users";
import type { SsoConfig } from "@/lib/env";
import { HASH, newUser, uniqueEmail } from "./fixtures";

const SSO: SsoConfig = {
  issuer: "https://idp.example.test",
  clientId: "chat",
  clientSecret: "s",
  name: "IdP",
};
const claims = (sub: string, email: string, verified = true) => ({ sub, email, email_verified: verified });

describe("single sign-on accounts", () => {
  it("creates an account with the starter presets on the first sign-in, then signs in to it", async () => {
    const email = uniqueEmail();
    const first = await signInWithSso(SSO, claims(`sub-${email}`, email), "en");
    expect(first).toMatchObject({ ok: true, user: { email, sessionVersion: 0 } });
    const stored = await findUserByEmail(email);
    expect(stored).toMatchObject({ ssoSubject: `${SSO.issuer} sub-${email}`, passwordHash: "" });
    expect(await db.preset.count({ where: { userId: stored?.id } })).toBeGreaterThan(0);
    expect(stored?.lastActiveAt).not.toBeNull();
    const again = await signInWithSso(SSO, claims(`sub-${email}`, email), "en");
    expect(again).toEqual(first);
  });

  it("links an existing password account with the same verified email, keeping its password", async () => {
    const existing = await newUser();
    expect(await signInWithSso(SSO, claims("unverified", existing.email, false), "en")).toEqual({
      ok: false,
      error: "ssoEmailUnverified",
    });
    const linked = await signInWithSso(SSO, claims(`sub-${existing.id}`, existing.email.toUpperCase()), "en");
    expect(linked).toMatchObject({ ok: true, user: { id: existing.id } });
    expect(await findUserByEmail(existing.email)).toMatchObject({
      ssoSubject: `${SSO.issuer} sub-${existing.id}`,
      passwordHash: HASH,
    });
    // Another identity with that email cannot take the account over.
    expect(await signInWithSso(SSO, claims("someone-else", existing.email), "en")).toEqual({
      ok: false,
      error: "ssoLinkedElsewhere",
    });
  });

  it("refuses a disabled account", async () => {
    const email = uniqueEmail();
    const user = await createUser(email, HASH);
    await db.user.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect(await signInWithSso(SSO, claims(`sub-${email}`, email), "en")).toEqual({
      ok: false,
      error: "accountDisabled",
    });
  });

  it("lets one of two parallel first sign-ins create the account and the other sign in to it", async () => {
    const email = uniqueEmail();
    const [a, b] = await Promise.all([
      signInWithSso(SSO, claims(`sub-${email}`, email), "en"),
      signInWithSso(SSO, claims(`sub-${email}`, email), "en"),
    ]);
    expect(a.ok && b.ok && a.user.id === b.user.id).toBe(true);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("records turning password sign-in off and on in the audit log", async () => {
    const admin = await newUser();
    await changeAppSettings(admin, { passwordSignIn: false });
    expect((await getAppSettings()).passwordSignIn).toBe(false);
    await changeAppSettings(admin, { passwordSignIn: true });
    const { entries } = await auditPage(1);
    expect(entries.slice(0, 2).map((entry) => entry.detail)).toEqual([
      { from: "off", to: "on" },
      { from: "on", to: "off" },
    ]);
    expect(entries[0]?.action).toBe("password_sign_in");
  });
});
