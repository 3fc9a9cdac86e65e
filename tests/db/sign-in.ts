import { describe, expect, it } from "vitest";
import { authorizeCredentials, ThrottledSignIn } from "@/lib/auth/authorize";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { PEER_ADDRESS_HEADER } from "@/lib/client-address";
import { createUser, findSessionVersion, findUserByEmail, revokeSessions } from "@/lib/db/users";
import { uniqueEmail } from "./fixtures";

const signInRequest = (peer: string) =>
  new Request("http://app.test/api/auth/callback/credentials", { headers: { [PEER_ADDRESS_HEADER]: peer } });

describe("signing in with credentials", () => {
  it("hands the user's session version to the session", async () => {
    const email = uniqueEmail();
    const created = await createUser(email, await hashPassword("correct horse"));
    await revokeSessions(created.id);
    const user = await authorizeCredentials(
      { email, password: "correct horse" },
      signInRequest("198.51.100.1"),
    );
    expect(user).toMatchObject({ id: created.id, email, sessionVersion: 1 });
    expect(
      await authorizeCredentials({ email, password: "wrong horse" }, signInRequest("198.51.100.1")),
    ).toBeNull();
  });

  it("upgrades a hash in the old format after a successful sign-in, keeping the sessions", async () => {
    const email = uniqueEmail();
    // A plain bcrypt hash, as stored before pre-hashing (cost 4 keeps the test fast).
    const created = await createUser(email, "$2b$04$3SaPRPCTKN6G0yQDDMoOuOoDYR47scBUnAErPpz3S0X2v87HFhmw.");
    const request = signInRequest("198.51.100.2");
    expect(
      await authorizeCredentials({ email, password: "correct horse battery staple" }, request),
    ).not.toBeNull();
    const upgraded = (await findUserByEmail(email))?.passwordHash ?? "";
    expect(needsRehash(upgraded)).toBe(false);
    expect(await verifyPassword("correct horse battery staple", upgraded)).toBe(true);
    expect(await findSessionVersion(created.id)).toBe(0);
  });

  it("refuses a sixth attempt from one address, even with the right password, but not the owner elsewhere", async () => {
    const email = uniqueEmail();
    await createUser(email, await hashPassword("correct horse"));
    for (let i = 0; i < 5; i++) {
      expect(
        await authorizeCredentials({ email, password: `guess-${i}` }, signInRequest("203.0.113.50")),
      ).toBeNull();
    }
    const refused = authorizeCredentials({ email, password: "correct horse" }, signInRequest("203.0.113.50"));
    await expect(refused).rejects.toBeInstanceOf(ThrottledSignIn);
    await expect(refused).rejects.toMatchObject({ code: "throttled", waitMs: expect.any(Number) });
    expect(
      await authorizeCredentials({ email, password: "correct horse" }, signInRequest("198.51.100.3")),
    ).not.toBeNull();
  });
});
