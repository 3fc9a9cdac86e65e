import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { toChatMessage } from "@/lib/chat/view-model";
import { findConversation } from "@/lib/db/conversations";
import { activePath } from "@/lib/db/messages";
import { env } from "@/lib/env";
import { defaultModelId, listModels } from "@/lib/model/models";
import { ChatView } from "./chat-view";

/** Server part of a chat page: loads the conversation (owned by the signed-in user) and the models. */
export async function ChatPage({ conversationId }: { conversationId: string | null }) {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  const [conversation, { models }] = await Promise.all([
    conversationId ? findConversation(userId, conversationId) : null,
    listModels(),
  ]);
  if (conversationId && !conversation) notFound();
  const messages = conversation ? (await activePath(conversation.id, userId)).map(toChatMessage) : [];
  const offered =
    conversation && !models.some((model) => model.id === conversation.model) ? null : conversation?.model;
  return (
    <ChatView
      key={conversationId ?? "new"}
      conversationId={conversationId}
      initialMessages={messages}
      models={models}
      initialModel={offered ?? defaultModelId(models)}
      demoMode={env().demoMode}
    />
  );
}
