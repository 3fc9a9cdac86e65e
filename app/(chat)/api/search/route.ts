import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { MAX_QUERY_CHARS, searchConversations } from "@/lib/db/search";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { enforceRateLimit } from "@/lib/limits/policies";

export const dynamic = "force-dynamic";

const querySchema = z.object({ q: z.string().max(MAX_QUERY_CHARS) });

/** `GET /api/search?q=…`: `{ results }` from the user's own conversations, newest first. */
export const GET = route(async (request) => {
  const userId = await requireUserId();
  const query = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!query.success) {
    throw new AppError("bad_request:input", `q: must be at most ${MAX_QUERY_CHARS} characters`);
  }
  await enforceRateLimit(userId, "search");
  return Response.json({ results: await searchConversations(userId, query.data.q) });
});
