/**
 * The Messages API's 400 rules for server tools (web search, web fetch, code execution) and the MCP
 * connector: their `tools` entries, `mcp_servers`, and their blocks in the conversation history.
 * Type strings and fields follow `@anthropic-ai/sdk` 1.12 (`ToolUnion`, `ServerToolUseBlock`, …;
 * MCP from the beta types). Messages name the offending field like the real API does.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;

/** `anthropic-beta` values that turn on the MCP connector (`mcp_servers`, `mcp_toolset`, MCP blocks). */
export const MCP_BETAS: readonly string[] = ["mcp-client-2025-11-20", "mcp-client-2026-09-15"];

export type ServerToolFamily = "web_search" | "web_fetch" | "code_execution";

const COMMON_FIELDS = ["type", "name", "allowed_callers", "cache_control", "defer_loading", "strict"];
const SEARCH_FIELDS = [...COMMON_FIELDS, "allowed_domains", "blocked_domains", "max_uses", "user_location"];
const FETCH_FIELDS = [
  ...COMMON_FIELDS,
  "allowed_domains",
  "blocked_domains",
  "citations",
  "max_content_tokens",
  "max_uses",
  "url_sources",
];

interface ServerToolType {
  family: ServerToolFamily;
  fields: ReadonlySet<string>;
}

const serverType = (family: ServerToolFamily, fields: string[]): ServerToolType => ({
  family,
  fields: new Set(fields),
});

/** Every server tool `type` the double knows, with the fields its SDK type allows. */
export const SERVER_TOOL_TYPES: Readonly<Record<string, ServerToolType>> = {
  web_search_20250305: serverType("web_search", SEARCH_FIELDS),
  web_search_20260209: serverType("web_search", SEARCH_FIELDS),
  web_search_20260318: serverType("web_search", [...SEARCH_FIELDS, "response_inclusion"]),
  web_fetch_20250910: serverType("web_fetch", FETCH_FIELDS),
  web_fetch_20260209: serverType("web_fetch", FETCH_FIELDS),
  web_fetch_20260309: serverType("web_fetch", [...FETCH_FIELDS, "use_cache"]),
  web_fetch_20260318: serverType("web_fetch", [...FETCH_FIELDS, "use_cache", "response_inclusion"]),
  code_execution_20250522: serverType("code_execution", COMMON_FIELDS),
  code_execution_20250825: serverType("code_execution", COMMON_FIELDS),
  code_execution_20260120: serverType("code_execution", COMMON_FIELDS),
  code_execution_20260521: serverType("code_execution", COMMON_FIELDS),
};

const MCP_TOOLSET_FIELDS = new Set([
  "type",
  "mcp_server_name",
  "cache_control",
  "configs",
  "default_config",
  "tools",
]);
const MCP_SERVER_FIELDS = new Set(["type", "url", "name", "authorization_token", "tool_configuration"]);

/**
 * `server_tool_use` names, the tool family that must be offered for each, and the result block that
 * must follow it in the same assistant message.
 */
export const SERVER_TOOL_USES: Readonly<Record<string, { family: ServerToolFamily; result: string }>> = {
  web_search: { family: "web_search", result: "web_search_tool_result" },
  web_fetch: { family: "web_fetch", result: "web_fetch_tool_result" },
  code_execution: { family: "code_execution", result: "code_execution_tool_result" },
  bash_code_execution: { family: "code_execution", result: "bash_code_execution_tool_result" },
  text_editor_code_execution: {
    family: "code_execution",
    result: "text_editor_code_execution_tool_result",
  },
};

export const SERVER_RESULT_TYPES: ReadonlySet<string> = new Set(
  Object.values(SERVER_TOOL_USES).map((u) => u.result),
);

/** Blocks Claude writes for tools Anthropic runs; they live in assistant messages only. */
export const SERVER_BLOCK_TYPES: ReadonlySet<string> = new Set([
  "server_tool_use",
  ...SERVER_RESULT_TYPES,
  "mcp_tool_use",
  "mcp_tool_result",
]);

/** The values of the `anthropic-beta` header(s), comma-separated on the wire. */
export function betasOf(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export const hasMcpBeta = (betas: readonly string[]) => betas.some((b) => MCP_BETAS.includes(b));

const toolsOf = (body: Obj): unknown[] => (Array.isArray(body.tools) ? body.tools : []);

/** The request's `tools` entry of a server tool family, if it offers one. */
export function offeredServerTool(body: Obj, family: ServerToolFamily): Obj | undefined {
  return toolsOf(body)
    .filter(isObj)
    .find((t) => SERVER_TOOL_TYPES[String(t.type)]?.family === family);
}

/** Client tools: entries without a `type` or with `type: "custom"`. */
export function isCustomTool(tool: Obj): boolean {
  return !present(tool.type) || tool.type === "custom";
}

/** The request's MCP servers (only meaningful with an MCP beta, which validation ensures). */
export function mcpServers(body: Obj): Obj[] {
  return Array.isArray(body.mcp_servers) ? body.mcp_servers.filter(isObj) : [];
}

const quoteList = (items: string[]) =>
  items.length <= 1
    ? items.map((i) => `'${i}'`).join("")
    : `${items
        .slice(0, -1)
        .map((i) => `'${i}'`)
        .join(", ")} or '${items.at(-1)}'`;

const extraField = (at: string, fields: ReadonlySet<string>, entry: Obj) => {
  const extra = Object.keys(entry).find((key) => !fields.has(key));
  return extra === undefined ? undefined : `${at}.${extra}: Extra inputs are not permitted`;
};

/** `tools` and `mcp_servers`: known types, well-formed options, unique names, servers ↔ toolsets. */
export function toolConfigProblem(body: Obj, betas: readonly string[]): string | undefined {
  const mcp = hasMcpBeta(betas);
  if (body.mcp_servers !== undefined && !mcp) return "mcp_servers: Extra inputs are not permitted";
  if (!present(body.tools) && !present(body.mcp_servers)) return undefined;
  if (present(body.tools) && !Array.isArray(body.tools)) return "tools: Input should be a valid list";

  const names = new Map<string, number>();
  const toolsets: { index: number; server: string }[] = [];
  for (const [i, tool] of toolsOf(body).entries()) {
    if (!isObj(tool)) return `tools.${i}: Input should be a valid dictionary or object`;
    const problem = toolProblem(tool, i, mcp);
    if (problem) return problem;
    if (tool.type === "mcp_toolset") {
      toolsets.push({ index: i, server: String(tool.mcp_server_name) });
      continue;
    }
    const name = String(tool.name);
    const earlier = names.get(name);
    if (earlier !== undefined) {
      return `tools: Tool names must be unique. '${name}' is used by tools.${earlier} and tools.${i}.`;
    }
    names.set(name, i);
  }
  return mcpServersProblem(body, toolsets);
}

const CUSTOM_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

function toolProblem(tool: Obj, i: number, mcp: boolean): string | undefined {
  const type = tool.type;
  if (!present(type) || type === "custom") {
    if (!present(tool.name)) return `tools.${i}.custom.name: Field required`;
    if (typeof tool.name !== "string" || !CUSTOM_NAME.test(tool.name)) {
      return `tools.${i}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
    }
    return undefined;
  }
  if (type === "mcp_toolset" && mcp) {
    const at = `tools.${i}.mcp_toolset`;
    if (!present(tool.mcp_server_name)) return `${at}.mcp_server_name: Field required`;
    if (typeof tool.mcp_server_name !== "string")
      return `${at}.mcp_server_name: Input should be a valid string`;
    return extraField(at, MCP_TOOLSET_FIELDS, tool);
  }
  const known = typeof type === "string" ? SERVER_TOOL_TYPES[type] : undefined;
  if (!known) {
    const tags = ["custom", ...Object.keys(SERVER_TOOL_TYPES), ...(mcp ? ["mcp_toolset"] : [])];
    return (
      `tools.${i}.type: Input tag '${String(type)}' found using 'type' does not match any of the ` +
      `expected tags: ${tags.map((t) => `'${t}'`).join(", ")}`
    );
  }
  const at = `tools.${i}.${String(type)}`;
  if (!present(tool.name)) return `${at}.name: Field required`;
  if (tool.name !== known.family) return `${at}.name: Input should be '${known.family}'`;
  const extra = extraField(at, known.fields, tool);
  if (extra) return extra;
  const maxUses = tool.max_uses;
  if (present(maxUses)) {
    if (typeof maxUses !== "number" || !Number.isInteger(maxUses)) {
      return `${at}.max_uses: Input should be a valid integer`;
    }
    if (maxUses < 1) return `${at}.max_uses: Input should be greater than or equal to 1`;
  }
  if (present(tool.allowed_domains) && present(tool.blocked_domains)) {
    return `${at}: Only one of allowed_domains and blocked_domains may be set, not both`;
  }
  return undefined;
}

function mcpServersProblem(body: Obj, toolsets: { index: number; server: string }[]): string | undefined {
  const servers = body.mcp_servers;
  if (present(servers) && !Array.isArray(servers)) return "mcp_servers: Input should be a valid list";
  const list: unknown[] = Array.isArray(servers) ? servers : [];
  const names = new Map<string, number>();
  for (const [i, server] of list.entries()) {
    const at = `mcp_servers.${i}`;
    if (!isObj(server)) return `${at}: Input should be a valid dictionary or object`;
    if (!present(server.type)) return `${at}.type: Field required`;
    if (server.type !== "url") return `${at}.type: Input should be 'url'`;
    if (!present(server.name)) return `${at}.name: Field required`;
    if (typeof server.name !== "string" || server.name === "") {
      return `${at}.name: Input should be a non-empty string`;
    }
    if (!present(server.url)) return `${at}.url: Field required`;
    if (typeof server.url !== "string" || !server.url.startsWith("https://")) {
      return `${at}.url: MCP server URL must start with https:// (got '${String(server.url)}')`;
    }
    if (present(server.authorization_token) && typeof server.authorization_token !== "string") {
      return `${at}.authorization_token: Input should be a valid string`;
    }
    if (present(server.tool_configuration) && !isObj(server.tool_configuration)) {
      return `${at}.tool_configuration: Input should be a valid dictionary or object`;
    }
    const extra = extraField(at, MCP_SERVER_FIELDS, server);
    if (extra) return extra;
    const earlier = names.get(server.name);
    if (earlier !== undefined) {
      return `${at}.name: MCP server names must be unique. '${server.name}' is also mcp_servers.${earlier}.`;
    }
    names.set(server.name, i);
  }

  const referenced = new Map<string, number>();
  for (const { index, server } of toolsets) {
    if (!names.has(server)) {
      return `tools.${index}.mcp_toolset.mcp_server_name: MCP server '${server}' is not defined in mcp_servers`;
    }
    const earlier = referenced.get(server);
    if (earlier !== undefined) {
      return `tools.${index}: MCP server '${server}' is already referenced by the mcp_toolset at tools.${earlier}; each MCP server takes exactly one mcp_toolset`;
    }
    referenced.set(server, index);
  }
  for (const [name, i] of names) {
    if (!referenced.has(name)) {
      return `mcp_servers.${i}: MCP server '${name}' is not referenced by any mcp_toolset. Each server in mcp_servers needs exactly one {"type": "mcp_toolset", "mcp_server_name": "${name}"} in tools.`;
    }
  }
  return undefined;
}

/**
 * Server tool and MCP blocks inside message `i`: each `server_tool_use` / `mcp_tool_use` is
 * followed in the same assistant message by its result (same `tool_use_id`), each result answers
 * one of them, the tool it names is offered by this request, and MCP blocks need the beta and a
 * server of that name. Also refuses client `tool_use` blocks that carry a server tool's name.
 */
export function serverBlocksProblem(
  message: Obj,
  i: number,
  body: Obj,
  betas: readonly string[],
): string | undefined {
  const blocks = Array.isArray(message.content) ? (message.content as unknown[]).filter(isObj) : [];
  const mcp = hasMcpBeta(betas);
  const servers = new Set(mcpServers(body).map((s) => String(s.name)));
  const customNames = new Set(
    toolsOf(body)
      .filter(isObj)
      .filter(isCustomTool)
      .map((t) => String(t.name)),
  );
  /** Tool uses of this message so far, by id, waiting for (or given) their result. */
  const uses = new Map<string, { j: number; result: string; answered: boolean }>();

  for (const [j, block] of blocks.entries()) {
    const at = `messages.${i}.content.${j}`;
    const type = String(block.type);
    if (type === "tool_use" && typeof block.name === "string" && block.name in SERVER_TOOL_USES) {
      if (!customNames.has(block.name)) {
        return (
          `${at}.name: '${block.name}' is a server tool, not a client tool: its calls are ` +
          "`server_tool_use` blocks, never `tool_use`"
        );
      }
    }
    if (!SERVER_BLOCK_TYPES.has(type)) continue;
    if ((type === "mcp_tool_use" || type === "mcp_tool_result") && !mcp) {
      return `${at}.type: Input tag '${type}' found using 'type' does not match any of the expected tags`;
    }
    if (message.role !== "assistant") {
      return `${at}.type: \`${type}\` blocks are only allowed in \`assistant\` messages`;
    }

    if (type === "server_tool_use" || type === "mcp_tool_use") {
      if (typeof block.id !== "string" || block.id === "") return `${at}.id: Field required`;
      if (uses.has(block.id)) return `${at}.id: tool use ids must be unique; '${block.id}' appears twice`;
      let result: string;
      if (type === "server_tool_use") {
        const known = typeof block.name === "string" ? SERVER_TOOL_USES[block.name] : undefined;
        if (!known) return `${at}.name: Input should be ${quoteList(Object.keys(SERVER_TOOL_USES))}`;
        if (!offeredServerTool(body, known.family)) {
          return (
            `${at}: \`server_tool_use\` block for '${String(block.name)}' needs the ${known.family} tool ` +
            "in `tools`, but this request does not define it"
          );
        }
        result = known.result;
      } else {
        if (typeof block.name !== "string" || block.name === "") return `${at}.name: Field required`;
        if (typeof block.server_name !== "string") return `${at}.server_name: Field required`;
        if (!servers.has(block.server_name)) {
          return `${at}.server_name: MCP server '${block.server_name}' is not defined in mcp_servers`;
        }
        result = "mcp_tool_result";
      }
      uses.set(block.id, { j, result, answered: false });
      continue;
    }

    // A result block: it must answer an earlier tool use of this message, of the matching kind.
    const id = block.tool_use_id;
    if (typeof id !== "string" || id === "") return `${at}.tool_use_id: Field required`;
    const use = uses.get(id);
    if (!use || use.answered) {
      return (
        `${at}: unexpected \`tool_use_id\` found in \`${type}\` block: ${id}. Each \`${type}\` block must ` +
        "directly answer a preceding tool use block with the same id in the same `assistant` message."
      );
    }
    if (use.result !== type) {
      return `${at}.type: tool use ${id} (messages.${i}.content.${use.j}) expects a \`${use.result}\` block, found \`${type}\``;
    }
    use.answered = true;
  }

  for (const [id, use] of uses) {
    if (!use.answered) {
      const kind = blocks[use.j]?.type === "mcp_tool_use" ? "mcp_tool_use" : "server_tool_use";
      return (
        `messages.${i}.content.${use.j}: \`${kind}\` block with id ${id} was found without a ` +
        `\`${use.result}\` block after it in the same message. Send server tool use blocks back ` +
        "together with their results."
      );
    }
  }
  return undefined;
}
