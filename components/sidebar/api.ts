// The sidebar's changes to a conversation. True when the change is made (or, for a delete, when
// the conversation is already gone).
import * as conversations from "@/lib/api-client/conversations";

export async function saveTitle(id: string, title: string): Promise<boolean> {
  return (await conversations.renameConversation(id, title)).ok;
}

export async function deleteConversation(id: string): Promise<boolean> {
  const result = await conversations.deleteConversation(id);
  return result.ok || result.failure.status === 404;
}
