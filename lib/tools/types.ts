// Tools the app runs itself when Claude asks for them (client tools, in the API's terms).
import type { Tool } from "@anthropic-ai/sdk/resources/messages";
import { logger } from "@/lib/log";

export interface ToolContext {
  /** Whose data the tool may read: every query is scoped to this user. */
  userId: string;
  conversationId: string;
  signal: AbortSignal;
}

/** What goes back to Claude in the tool_result block. */
export interface ToolOutput {
  text: string;
  isError?: boolean;
}

export interface AppTool {
  definition: Tool;
  run(input: unknown, context: ToolContext): Promise<ToolOutput>;
}

/** The tools offered in one reply. */
export interface ToolBox {
  definitions: Tool[];
  run(name: string, input: unknown, context: ToolContext): Promise<ToolOutput>;
}

export function toolBox(tools: readonly AppTool[]): ToolBox {
  const byName = new Map(tools.map((tool) => [tool.definition.name, tool]));
  return {
    definitions: tools.map((tool) => tool.definition),
    async run(name, input, context) {
      const tool = byName.get(name);
      if (!tool) return { text: `There is no tool named ${name}.`, isError: true };
      try {
        return await tool.run(input, context);
      } catch (error) {
        if (context.signal.aborted) throw error;
        logger.error({ err: error, tool: name }, "tool failed");
        return { text: `The tool ${name} failed. Try again later.`, isError: true };
      }
    },
  };
}

export const NO_TOOLS: ToolBox = toolBox([]);
