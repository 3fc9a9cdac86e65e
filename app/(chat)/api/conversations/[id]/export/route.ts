import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { exportConversation } from "@/lib/db/export";
import { AppError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/export/filename";
import { conversationMarkdown } from "@/lib/export/markdown";
import { route } from "@/lib/http";
import { type ConversationContext, conversationIdOf, conversationNotFound } from "../context";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["md", "json"]);

/** `GET /api/conversations/<id>/export?format=md|json`: the conversation as a download. */
export const GET = route(async (request, context: ConversationContext) => {
  const userId = await requireUserId();
  const format = formatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "json");
  if (!format.success) throw new AppError("bad_request:input", "format: must be md or json");
  const id = await conversationIdOf(context);
  const file = id ? await exportConversation(userId, id) : null;
  if (!file) throw conversationNotFound();
  const { title } = file.conversation;
  const [body, type] =
    format.data === "md"
      ? [conversationMarkdown(file.conversation), "text/markdown; charset=utf-8"]
      : [JSON.stringify(file, null, 2), "application/json; charset=utf-8"];
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": attachmentDisposition(title, format.data),
      "cache-control": "no-store",
    },
  });
});
