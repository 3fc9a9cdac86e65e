import "server-only";
import { env } from "@/lib/env";
import { db } from "./client";

export async function checkDatabase(): Promise<{ kind: "sqlite" | "postgres"; ok: boolean }> {
  const kind = env().databaseKind;
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { kind, ok: true };
  } catch {
    return { kind, ok: false };
  }
}
