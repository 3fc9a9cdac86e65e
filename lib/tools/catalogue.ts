// The tools this app runs for Claude, and which of them a user's reply offers.
import "server-only";
import type { Tool } from "@anthropic-ai/sdk/resources/messages";
import { searchConversations } from "@/lib/db/search";
import { searchConversationsTool } from "./search-conversations";
import { toolBox } from "./types";

const searchTool = searchConversationsTool(searchConversations);

export const appTools = toolBox([searchTool]);

/** The tool definitions offered in a reply, by the user's settings. */
export function replyTools(settings: { searchConversations: boolean }): Tool[] {
  return settings.searchConversations ? [searchTool.definition] : [];
}
