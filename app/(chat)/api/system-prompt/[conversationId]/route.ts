import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { findConversation, updateSystemPrompt } from "@/lib/db/conversations";
import { findPresetPrompt } from "@/lib/db/presets";
import { AppError } from "@/lib/errors";
import { parseJson, route } from "@/lib/http";
import { idSchema } from "@/lib/id-schema";
import { conversationNotFound } from "../../conversations/[id]/context";

/** Either a preset to copy the prompt from (null: no system prompt), or the prompt text itself. */
const bodySchema = z.union([
  z.object({ presetId: idSchema.nullable() }).strict(),
  z.object({ systemPrompt: z.string().max(100_000).nullable() }).strict(),
]);

interface Context {
  params: Promise<{ conversationId: string }>;
}

/** The system prompt the conversation uses: `{ systemPrompt }` (null: none). */
export const GET = route(async (_request, { params }: Context) => {
  const userId = await requireUserId();
  const { conversationId } = await params;
  const conversation = idSchema.safeParse(conversationId).success
    ? await findConversation(userId, conversationId)
    : null;
  if (!conversation) throw conversationNotFound();
  return Response.json({ systemPrompt: conversation.systemPrompt });
});

/** Changes the system prompt the conversation uses, from its next reply on. */
export const PATCH = route(async (request, { params }: Context) => {
  const userId = await requireUserId();
  const body = await parseJson(request, bodySchema);
  const { conversationId } = await params;
  let data: { systemPrompt: string | null; presetId: string | null };
  if ("presetId" in body) {
    const prompt = body.presetId ? await findPresetPrompt(userId, body.presetId) : null;
    if (body.presetId && prompt === null) throw new AppError("not_found:preset", "Preset not found.");
    data = { systemPrompt: prompt, presetId: body.presetId };
  } else {
    data = { systemPrompt: body.systemPrompt?.trim() ? body.systemPrompt : null, presetId: null };
  }
  const saved = await updateSystemPrompt(userId, conversationId, data);
  if (!saved) throw conversationNotFound();
  return Response.json(saved);
});
