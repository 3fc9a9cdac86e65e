// The Tools menu's choices for one conversation: which server tools and connectors are on. Sent
// with every message and remembered by the conversation (Conversation.tools, JSON).
import { z } from "zod";
import { idSchema } from "@/lib/id-schema";
import { SERVER_TOOL_IDS } from "./server-tools";

export const MAX_CONNECTORS_PER_REPLY = 10;

export const toolChoicesSchema = z
  .object({
    server: z.array(z.enum(SERVER_TOOL_IDS)).max(SERVER_TOOL_IDS.length).default([]),
    /** Connector ids (the user's own; others are refused as not found). */
    connectors: z.array(idSchema).max(MAX_CONNECTORS_PER_REPLY).default([]),
  })
  .strict();

export type ToolChoices = z.infer<typeof toolChoicesSchema>;

export const NO_TOOLS_CHOSEN: ToolChoices = { server: [], connectors: [] };

/** A conversation's saved choices; anything unreadable counts as none. */
export function savedToolChoices(json: string | null | undefined): ToolChoices {
  if (!json) return NO_TOOLS_CHOSEN;
  try {
    const parsed = toolChoicesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : NO_TOOLS_CHOSEN;
  } catch {
    return NO_TOOLS_CHOSEN;
  }
}
