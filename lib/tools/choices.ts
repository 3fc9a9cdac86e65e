// The Tools menu's choices for one conversation: which server tools and connectors are on. Sent
// with every message and remembered by the conversation (Conversation.tools, JSON).
import { z } from "zod";
import { idSchema } from "@/lib/id-schema";
import { MAX_CONNECTORS_PER_REPLY, NO_TOOLS_CHOSEN, type ToolChoices } from "./choice-limits";
import { SERVER_TOOL_IDS } from "./server-tools";

export { MAX_CONNECTORS_PER_REPLY, NO_TOOLS_CHOSEN, type ToolChoices };

export const toolChoicesSchema: z.ZodType<ToolChoices, unknown> = z
  .object({
    server: z.array(z.enum(SERVER_TOOL_IDS)).max(SERVER_TOOL_IDS.length).default([]),
    connectors: z.array(idSchema).max(MAX_CONNECTORS_PER_REPLY).default([]),
  })
  .strict();

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
