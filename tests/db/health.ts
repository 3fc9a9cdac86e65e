import { describe, expect, it } from "vitest";
import { checkDatabase } from "@/lib/db/health";

describe("checkDatabase", () => {
  it("reports ok and the kind of database in use", async () => {
    const kind = process.env.DATABASE_URL?.startsWith("file:") ? "sqlite" : "postgres";
    expect(await checkDatabase()).toEqual({ kind, ok: true });
  });
});
