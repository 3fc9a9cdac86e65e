import { ChatPage } from "@/components/chat/chat-page";

export default function NewChatPage() {
  return <ChatPage conversationId={null} />;
}
