import { checkDatabase } from "@/lib/db/health";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "degraded", database, demoMode: env().demoMode };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
