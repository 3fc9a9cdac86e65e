// Builds the Messages-API request for the next reply from the conversation's active branch.
import { createHash } from "node:crypto";
import type { MessageCreateParamsBase, Tool } from "@anthropic-ai/sdk/resources/messages";
import type { ConnectorForRequest } from "@/lib/connectors/schema";
import type { ModelInfo } from "@/lib/model/types";
import { FILES_BETA, MCP_BETA, SERVER_TOOLS, type ServerToolId } from "@/lib/tools/server-tools";
import { applyPromptCaching } from "./caching";
import type { ContentBlock } from "./content";
import { type HistoryMessage, type HistoryOptions, type ImageData, toApiMessages } from "./history";
import { samplingProblem, type ThinkingChoice, ThinkingError, thinkingFields } from "./thinking";

export type { HistoryMessage, ImageData };

export interface ReplyParams {
  maxTokens?: number;
  /** Extended thinking (see ./thinking.ts); absent: off. */
  thinking?: ThinkingChoice;
  /** Budget models only: thinking tokens for `on` (≥ 1024, < max tokens). */
  thinkingBudget?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  /** Documents are sent with citations on (the conversation's Citations switch). */
  citations?: boolean;
}

const DEFAULT_MAX_TOKENS = 16_000;

export class ParamsError extends Error {}

/** Checks parameters against the model's capabilities; throws ParamsError with a user-facing reason. */
export function checkParams(params: ReplyParams, model: ModelInfo | undefined): void {
  if (model && params.maxTokens !== undefined && params.maxTokens > model.maxOutputTokens) {
    throw new ParamsError(`Max tokens must be at most ${model.maxOutputTokens} for ${model.displayName}.`);
  }
  const sampling = (["temperature", "topP", "topK"] as const).filter((key) => params[key] !== undefined);
  if (model && !model.samplingParams && sampling.length > 0) {
    throw new ParamsError(
      `${model.displayName} does not accept ${sampling.join(", ")}; leave them at their defaults.`,
    );
  }
  if (params.temperature !== undefined && params.topP !== undefined) {
    throw new ParamsError("Set temperature or top-p, not both.");
  }
  const whileThinking = params.thinking && params.thinking !== "off" ? samplingProblem(params) : null;
  if (whileThinking) throw new ParamsError(whileThinking);
}

/** A stable id that tells Anthropic "same user" without revealing who. */
export function opaqueUserId(userId: string): string {
  return createHash("sha256").update(`claude-chat-user:${userId}`).digest("hex").slice(0, 32);
}

/** What every step of a reply is built from: the request without its messages, and the history. */
export interface ReplySpec {
  params: Omit<MessageCreateParamsBase, "messages">;
  history: HistoryMessage[];
  historyOptions: HistoryOptions;
  promptCaching: boolean;
}

export interface ReplyInput {
  modelId: string;
  model: ModelInfo | undefined;
  history: HistoryMessage[];
  system: string | null;
  params: ReplyParams;
  userId: string;
  promptCaching: boolean;
  images?: ImageData;
  /** Client tools offered to Claude in this reply. */
  tools?: Tool[];
  /** Server tools switched on (already checked against the model and the admin's settings). */
  serverTools?: ServerToolId[];
  /** Remote MCP servers switched on (the API connects to them, with their tokens). */
  connectors?: ConnectorForRequest[];
}

/** An `mcp_toolset` for a connector: all its tools, or only the allowed ones. */
function mcpToolset(connector: ConnectorForRequest) {
  const allowed = connector.allowedTools;
  return {
    type: "mcp_toolset",
    mcp_server_name: connector.name,
    ...(allowed
      ? {
          default_config: { enabled: false },
          configs: Object.fromEntries(allowed.map((name) => [name, { enabled: true }])),
        }
      : {}),
  };
}

/**
 * The request fields of the server tools and connectors: tool entries, `mcp_servers`, beta headers
 * (theirs, and the Files API's when attachments go by file id).
 */
function hostedTools(serverTools: ServerToolId[], connectors: ConnectorForRequest[], fileIds: boolean) {
  const betas = new Set(serverTools.flatMap((id) => SERVER_TOOLS[id].betas));
  if (connectors.length > 0) betas.add(MCP_BETA);
  if (fileIds) betas.add(FILES_BETA);
  return {
    tools: [...serverTools.map((id) => SERVER_TOOLS[id].definition), ...connectors.map(mcpToolset)],
    fields: {
      ...(connectors.length > 0
        ? {
            mcp_servers: connectors.map((connector) => ({
              type: "url",
              url: connector.url,
              name: connector.name,
              ...(connector.token ? { authorization_token: connector.token } : {}),
            })),
          }
        : {}),
      ...(betas.size > 0 ? { betas: [...betas] } : {}),
    },
  };
}

/** Checks the parameters against the model and builds the reply's spec; throws ParamsError. */
export function replySpec(input: ReplyInput): ReplySpec {
  const { params, model } = input;
  checkParams(params, model);
  const maxTokens = params.maxTokens ?? Math.min(DEFAULT_MAX_TOKENS, model?.maxOutputTokens ?? 8192);
  let thinking: ReturnType<typeof thinkingFields>;
  try {
    thinking = thinkingFields({
      model,
      choice: params.thinking,
      maxTokens,
      budgetTokens: params.thinkingBudget,
    });
  } catch (error) {
    if (error instanceof ThinkingError) throw new ParamsError(error.message);
    throw error;
  }
  const clientTools = input.tools ?? [];
  const fileIds = [...(input.images?.values() ?? [])].some((file) => file.fileId);
  const hosted = hostedTools(input.serverTools ?? [], input.connectors ?? [], fileIds);
  const tools = [...clientTools, ...hosted.tools] as Tool[];
  return {
    params: {
      model: input.modelId,
      max_tokens: maxTokens,
      ...(input.system ? { system: input.system } : {}),
      ...thinking,
      ...(tools.length > 0 ? { tools } : {}),
      ...hosted.fields,
      ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
      ...(params.topP !== undefined ? { top_p: params.topP } : {}),
      ...(params.topK !== undefined ? { top_k: params.topK } : {}),
      ...(params.stopSequences?.length ? { stop_sequences: params.stopSequences } : {}),
      metadata: { user_id: opaqueUserId(input.userId) },
    },
    history: input.history,
    historyOptions: {
      model: input.modelId,
      thinking: thinking.thinking !== undefined,
      tools: clientTools.length > 0,
      serverTools: input.serverTools ?? [],
      mcpServers: (input.connectors ?? []).map((connector) => connector.name),
      images: input.images,
      ...(params.citations ? { citations: true } : {}),
    },
    promptCaching: input.promptCaching,
  };
}

/** The request of one step: the history, then what the reply's earlier steps wrote. */
export function stepRequest(
  spec: ReplySpec,
  turnSoFar: readonly ContentBlock[] = [],
): MessageCreateParamsBase {
  const request = { ...spec.params, messages: toApiMessages(spec.history, spec.historyOptions, turnSoFar) };
  return spec.promptCaching ? applyPromptCaching(request) : request;
}

/** The first step's request. */
export function buildReplyRequest(input: ReplyInput): MessageCreateParamsBase {
  return stepRequest(replySpec(input));
}
