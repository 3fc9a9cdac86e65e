// The Tools menu's choices as the browser knows them: their shape, limit and empty value, apart from
// the schema in ./choices so that the chat page does not load zod.
import type { ServerToolId } from "./server-tools";

export const MAX_CONNECTORS_PER_REPLY = 10;

export interface ToolChoices {
  server: ServerToolId[];
  /** Connector ids (the user's own; others are refused as not found). */
  connectors: string[];
}

export const NO_TOOLS_CHOSEN: ToolChoices = { server: [], connectors: [] };
