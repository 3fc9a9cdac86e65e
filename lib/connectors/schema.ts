// What a user may save as a connector (a remote MCP server the Messages API connects to).
import { z } from "zod";

export const MAX_CONNECTOR_URL_CHARS = 2048;
export const MAX_CONNECTORS = 20;

/** The name Claude and the API know the server by: letters, digits, "-" and "_". */
export const connectorNameSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(64, { message: "must be at most 64 characters" })
  .regex(/^[A-Za-z0-9_-]+$/, { message: "may contain only letters, digits, - and _" });

export const connectorUrlSchema = z
  .string()
  .trim()
  .max(MAX_CONNECTOR_URL_CHARS, { message: `must be at most ${MAX_CONNECTOR_URL_CHARS} characters` })
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "is not a valid URL" });
      return;
    }
    if (url.protocol !== "https:") context.addIssue({ code: "custom", message: "must start with https://" });
    if (url.username || url.password)
      context.addIssue({ code: "custom", message: "must not contain a user name or password (use Token)" });
  });

const toolName = z.string().trim().min(1).max(128);

export const newConnectorSchema = z
  .object({
    name: connectorNameSchema,
    url: connectorUrlSchema,
    /** Bearer token for the server; omitted or empty: none. */
    token: z.string().max(8192).optional(),
    /** The tools Claude may use; omitted or empty: all of them. */
    allowedTools: z.array(toolName).max(200).optional(),
  })
  .strict();

export type NewConnector = z.infer<typeof newConnectorSchema>;

/** A connector as the browser sees it: never its token. */
export interface ConnectorView {
  id: string;
  name: string;
  url: string;
  hasToken: boolean;
  allowedTools: string[] | null;
}

/** A connector as a request to the Messages API needs it, token opened. Never sent to a browser. */
export interface ConnectorForRequest {
  name: string;
  url: string;
  token: string | null;
  allowedTools: string[] | null;
}
