// Builds the Messages-API request for the next reply from the conversation's active branch.
import { createHash } from "node:crypto";
import type { MessageCreateParamsBase, MessageParam } from "@anthropic-ai/sdk/resources/messages";
import type { ModelInfo } from "@/lib/model/types";
import { applyPromptCaching } from "./caching";
import type { ContentBlock, ImageBlock } from "./content";

export interface ReplyParams {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
}

export interface HistoryMessage {
  role: string;
  content: ContentBlock[];
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
}

/** Uploaded images by attachment id, as the base64 the API takes. */
export type ImageData = ReadonlyMap<string, { mediaType: string; base64: string }>;

function toApiBlock(block: ContentBlock, images: ImageData): ContentBlock {
  const source = (block as unknown as ImageBlock).source;
  if (block.type !== "image" || source?.type !== "attachment") return block;
  const image = images.get(source.attachment_id);
  if (!image) return { type: "text", text: "[An image that is no longer available was here.]" };
  return { type: "image", source: { type: "base64", media_type: image.mediaType, data: image.base64 } };
}

function toApiContent(role: string, content: ContentBlock[], images: ImageData): MessageParam["content"] {
  // Earlier assistant turns are sent as their text; this app does not enable thinking or tools yet.
  const blocks = role === "assistant" ? content.filter((block) => block.type === "text") : content;
  return blocks
    .filter((block) => block.type !== "text" || (block as { text: string }).text !== "")
    .map((block) => toApiBlock(block, images)) as MessageParam["content"];
}

export function toApiMessages(history: HistoryMessage[], images: ImageData = new Map()): MessageParam[] {
  return history
    .map((message) => ({
      role: message.role === "assistant" ? ("assistant" as const) : ("user" as const),
      content: toApiContent(message.role, message.content, images),
    }))
    .filter((message) => message.content.length > 0);
}

/** A stable id that tells Anthropic "same user" without revealing who. */
export function opaqueUserId(userId: string): string {
  return createHash("sha256").update(`claude-chat-user:${userId}`).digest("hex").slice(0, 32);
}

export function buildReplyRequest(input: {
  modelId: string;
  model: ModelInfo | undefined;
  history: HistoryMessage[];
  system: string | null;
  params: ReplyParams;
  userId: string;
  promptCaching: boolean;
  images?: ImageData;
}): MessageCreateParamsBase {
  const { params, model } = input;
  checkParams(params, model);
  const request: MessageCreateParamsBase = {
    model: input.modelId,
    max_tokens: params.maxTokens ?? Math.min(DEFAULT_MAX_TOKENS, model?.maxOutputTokens ?? 8192),
    messages: toApiMessages(input.history, input.images),
    ...(input.system ? { system: input.system } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { top_p: params.topP } : {}),
    ...(params.topK !== undefined ? { top_k: params.topK } : {}),
    ...(params.stopSequences?.length ? { stop_sequences: params.stopSequences } : {}),
    metadata: { user_id: opaqueUserId(input.userId) },
  };
  return input.promptCaching ? applyPromptCaching(request) : request;
}
