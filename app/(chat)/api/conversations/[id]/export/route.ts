import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { exportConversation } from "@/lib/db/export";
import { AppError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/export/filename";
import { conversationMarkdown } from "@/lib/export/markdown";
import { route } from "@/lib/http";
import { conversationIdSchema } from "../../schema";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

const formatSchema = z.enum(["md", "json"]);

/** `GET /api/conversations/<id>/export?format=md|json`: the conversation as a download. */
export const GET = route(async (request, { params }: Context) => {
  const format = formatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "json");
  if (!format.success) throw new AppError("bad_request:input", "format: must be md or json");
  const userId = await requireUserId();
  const { id } = await params;
  const file = conversationIdSchema.safeParse(id).success ? await exportConversation(userId, id) : null;
  // Another user's conversation is "not found" too: never reveal that it exists.
  if (!file) throw new AppError("not_found:conversation", "Conversation not found.");
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
