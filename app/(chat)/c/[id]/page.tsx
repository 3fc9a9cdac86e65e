import { ChatPage } from "@/components/chat/chat-page";

interface Props {
  params: Promise<{ id: string }>;
  /** `m`: a message to open the conversation at (a search hit), on whichever branch it is. */
  searchParams: Promise<{ m?: string | string[] }>;
}

export default async function ConversationPage({ params, searchParams }: Props) {
  const [{ id }, { m }] = await Promise.all([params, searchParams]);
  return <ChatPage conversationId={id} focusMessageId={typeof m === "string" ? m : null} />;
}
