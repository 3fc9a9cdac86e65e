// The `[id]` segment shared by every per-conversation route.
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/id-schema";

export interface ConversationContext {
  params: Promise<{ id: string }>;
}

/** Another user's conversation is "not found" too: never reveal that it exists. */
export const conversationNotFound = () => new AppError("not_found:conversation", "Conversation not found.");

/** The conversation id from the URL; null when it cannot be an id (answered as not found). */
export async function conversationIdOf({ params }: ConversationContext): Promise<string | null> {
  const { id } = await params;
  return idSchema.safeParse(id).success ? id : null;
}
