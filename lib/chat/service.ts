// Prepares a reply: ownership checks, saving the user turn, and the upstream request.
import "server-only";
import { findAttachmentMeta, findImages } from "@/lib/db/attachments";
import { connectorsForRequest } from "@/lib/db/connectors";
import { findConversation } from "@/lib/db/conversations";
import { newId } from "@/lib/db/ids";
import {
  createAssistantPlaceholder,
  createTurn,
  findOwnedMessageWithConversation,
  isUniqueViolation,
  newTurnIds,
  type TurnIds,
  turnContext,
} from "@/lib/db/messages";
import { findPresetPrompt } from "@/lib/db/presets";
import { getUserSettings } from "@/lib/db/settings";
import { isDocumentMediaType } from "@/lib/documents/limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { remoteFileIds } from "@/lib/files/remote";
import { isImageMediaType } from "@/lib/images/limits";
import { checkImageUrl } from "@/lib/images/url";
import { logger } from "@/lib/log";
import { acceptModel } from "@/lib/model/models";
import { providerDisabledTools, providerLacks } from "@/lib/model/providers";
import type { ModelInfo } from "@/lib/model/types";
import { replyTools } from "@/lib/tools/catalogue";
import type { ToolChoices } from "@/lib/tools/choices";
import {
  type DisabledTools,
  offeredServerTools,
  SERVER_TOOL_IDS,
  type ServerToolId,
} from "@/lib/tools/server-tools";
import type { ChatCommand, EditCommand, RetryCommand, SendCommand } from "./commands";
import {
  attachmentIdsOf,
  attachmentsOf,
  type ContentBlock,
  type DocumentBlock,
  parseContent,
  withText,
} from "./content";
import { type ImageData, ParamsError, replySpec } from "./request";
import type { ReplyCommand } from "./runner";
import { fallbackTitle } from "./title";

type ChatRequest = ChatCommand;

/** The Tools menu's choices as the conversation keeps them; null when nothing is on. */
function toolsJson(tools: ToolChoices | undefined): string | null {
  return tools && (tools.server.length > 0 || tools.connectors.length > 0) ? JSON.stringify(tools) : null;
}
type SendRequest = SendCommand;
type EditRequest = EditCommand;
type RetryRequest = RetryCommand;

function history(rows: { role: string; content: string; model?: string | null }[]) {
  return rows.map((row) => ({ role: row.role, content: parseContent(row.content), model: row.model }));
}

/** The user turn as stored: images, then documents (as the API recommends), then the text. */
async function userTurnContent(userId: string, request: SendRequest): Promise<ContentBlock[]> {
  const uploads = [
    ...request.images.flatMap((image) => (image.kind === "upload" ? [image.attachmentId] : [])),
    ...request.documents.map((document) => document.attachmentId),
  ];
  const owned = new Map((await findAttachmentMeta(userId, uploads)).map((meta) => [meta.id, meta]));
  const images: ContentBlock[] = request.images.map((image) => {
    if (image.kind === "url") {
      if (providerLacks("url_images"))
        throw new AppError("bad_request:input", "This platform takes attached images only, not image URLs.");
      const check = checkImageUrl(image.url, { allowHttp: env().ALLOW_HTTP_IMAGE_URLS });
      if (!check.ok)
        throw new AppError(
          "bad_request:input",
          `Image URL not accepted (${check.problem}): use an https:// image address.`,
        );
      return { type: "image", source: { type: "url", url: check.url } };
    }
    const meta = owned.get(image.attachmentId);
    if (!meta || !isImageMediaType(meta.mediaType))
      throw new AppError("not_found:attachment", "An attached image was not found. Attach it again.");
    return {
      type: "image",
      source: { type: "attachment", attachment_id: meta.id, media_type: meta.mediaType },
    };
  });
  const documents = request.documents.map(({ attachmentId }): DocumentBlock => {
    const meta = owned.get(attachmentId);
    if (!meta || !isDocumentMediaType(meta.mediaType))
      throw new AppError("not_found:attachment", "An attached file was not found. Attach it again.");
    return {
      type: "document",
      source: { type: "attachment", attachment_id: meta.id, media_type: meta.mediaType },
      title: meta.name ?? "document",
      ...(meta.pages ? { pages: meta.pages } : {}),
    };
  });
  return withText([...images, ...documents], request.text);
}

/** A new conversation keeps a copy of its preset's prompt: editing the preset later never rewrites it. */
async function presetSnapshot(userId: string, presetId: string | null | undefined): Promise<string | null> {
  if (!presetId) return null;
  const prompt = await findPresetPrompt(userId, presetId);
  if (prompt === null)
    throw new AppError("not_found:preset", "The chosen system prompt preset was not found.");
  return prompt;
}

/** The branch's images and documents: by Files API id once uploaded (see lib/files/remote.ts), else base64. */
async function imageData(
  userId: string,
  turns: { content: ContentBlock[] }[],
  counting: boolean,
): Promise<ImageData> {
  const ids = turns.flatMap((turn) => attachmentIdsOf(turn.content));
  const images = await findImages(userId, ids);
  const fileIds = await remoteFileIds(userId, images, { upload: !counting });
  return new Map(
    images.map((image) => {
      const fileId = fileIds.get(image.id);
      return [
        image.id,
        fileId
          ? { mediaType: image.mediaType, base64: "", fileId }
          : { mediaType: image.mediaType, base64: Buffer.from(image.bytes).toString("base64") },
      ];
    }),
  );
}

/** The turn a reply is generated for: its ids, the context the API is sent, and how to save it. */
interface PlannedTurn extends TurnIds {
  /** The branch up to and including the user turn being answered. */
  rows: { role: string; content: string; model?: string | null }[];
  system: string | null;
  newConversation?: NewConversation;
  save: () => Promise<unknown>;
}

/** Set on a conversation's first reply: the model may then replace the provisional title. */
export interface NewConversation {
  title: string;
  userText: string;
}

/**
 * A checked reply, ready to run: start `save()` and the generation together (see the chat route).
 * `save()` rejects with an AppError the route can answer with.
 */
export interface PreparedReply {
  command: ReplyCommand;
  /** The model's details (its input limit, for one), when the Models API lists it. */
  model: ModelInfo | undefined;
  newConversation?: NewConversation;
  save: () => Promise<unknown>;
}

const replyInProgress = () =>
  new AppError("conflict:generation", "A reply is still being generated in this conversation.");

/** The turn's context while a reply may still be generating (for counting what the next send would cost). */
async function anyContext(conversationId: string, userId: string, lastId: string | null | undefined) {
  const context = await turnContext(conversationId, userId, lastId);
  if (!context) throw new AppError("not_found:message", "Message not found.");
  return context.rows;
}

/** The turn's context, refused while a reply is being generated anywhere in the conversation. */
async function idleContext(conversationId: string, userId: string, lastId: string | null | undefined) {
  const context = await turnContext(conversationId, userId, lastId);
  if (!context) throw new AppError("not_found:message", "Message not found.");
  if (context.generating) throw replyInProgress();
  return context.rows;
}

/** What the user is told when their turn could not be saved (the reply is then abandoned). */
function saveError(error: unknown): AppError {
  // The database's own guard against two replies at once (see the one_reply_generating migration),
  // for requests that passed idleContext at the same moment.
  if (isUniqueViolation(error)) return replyInProgress();
  logger.error({ err: error }, "a chat turn could not be saved");
  return new AppError("internal:server", "Your message could not be saved, so it was not sent. Try again.");
}

/**
 * A new message after the last one the user saw (`parentId`; without it, at the end of the active
 * branch), or the first of a new conversation.
 */
async function planSend(
  userId: string,
  request: SendRequest,
  readContext = idleContext,
): Promise<PlannedTurn> {
  const conversation = request.conversationId ? await findConversation(userId, request.conversationId) : null;
  if (request.conversationId && !conversation)
    throw new AppError("not_found:conversation", "Conversation not found.");
  const path = conversation ? await readContext(conversation.id, userId, request.parentId) : [];
  const userContent = await userTurnContent(userId, request);
  const presetPrompt = conversation ? null : await presetSnapshot(userId, request.presetId);
  const title = fallbackTitle(request.text);
  const ids = newTurnIds(conversation?.id ?? null);
  return {
    ...ids,
    rows: [...path, { role: "user", content: JSON.stringify(userContent) }],
    system: conversation ? conversation.systemPrompt : presetPrompt,
    newConversation: conversation ? undefined : { title, userText: request.text },
    save: () =>
      createTurn({
        userId,
        conversationId: conversation?.id ?? null,
        newTitle: title,
        model: request.model,
        thinking: request.params.thinking ?? null,
        tools: toolsJson(request.tools),
        citations: request.params.citations === true,
        parentId: path.at(-1)?.id ?? null,
        userContent,
        systemPrompt: presetPrompt,
        presetId: presetPrompt === null ? null : (request.presetId ?? null),
        ids,
      }),
  };
}

/** An edited user message: a sibling of the original (keeping its images), starting a new branch. */
async function planEdit(userId: string, request: EditRequest): Promise<PlannedTurn> {
  const original = await findOwnedMessageWithConversation(request.messageId, userId);
  if (original?.role !== "user") throw new AppError("not_found:message", "Message not found.");
  const { conversationId } = original;
  const earlier = await idleContext(conversationId, userId, original.parentId);
  const userContent = withText(attachmentsOf(parseContent(original.content)), request.text);
  if (userContent.length === 0) throw new AppError("bad_request:input", "text: must not be empty");
  const ids = newTurnIds(conversationId);
  return {
    ...ids,
    rows: [...earlier, { role: "user", content: JSON.stringify(userContent) }],
    system: original.conversation.systemPrompt,
    save: () =>
      createTurn({
        userId,
        conversationId,
        newTitle: "",
        model: request.model,
        thinking: request.params.thinking ?? null,
        tools: toolsJson(request.tools),
        citations: request.params.citations === true,
        parentId: original.parentId,
        userContent,
        ids,
      }),
  };
}

/** A new reply to the user turn of an earlier one (retry, regenerate): a sibling of that reply. */
async function planRetry(userId: string, request: RetryRequest): Promise<PlannedTurn> {
  const previous = await findOwnedMessageWithConversation(request.messageId, userId);
  if (previous?.role !== "assistant" || !previous.parentId) {
    throw new AppError("not_found:message", "Message not found.");
  }
  const { conversationId, parentId: userMessageId } = previous;
  const rows = await idleContext(conversationId, userId, userMessageId);
  const assistantMessageId = newId();
  return {
    conversationId,
    userMessageId,
    assistantMessageId,
    rows,
    system: previous.conversation.systemPrompt,
    save: () =>
      createAssistantPlaceholder({
        userId,
        conversationId,
        parentId: userMessageId,
        model: request.model,
        thinking: request.params.thinking ?? null,
        tools: toolsJson(request.tools),
        citations: request.params.citations === true,
        id: assistantMessageId,
      }),
  };
}

/**
 * Tools the admin switched off and those the provider cannot run (all of them in demo mode: the
 * simulated model cannot use them).
 */
function disabledTools(): DisabledTools {
  const config = env();
  return new Set(
    config.demoMode
      ? [...SERVER_TOOL_IDS, "connectors"]
      : [...config.DISABLED_TOOLS, ...providerDisabledTools()],
  );
}

/** The server tools switched on that this model may use and the admin allows. */
function chosenServerTools(model: ModelInfo | undefined, tools: ToolChoices | undefined): ServerToolId[] {
  const offered = offeredServerTools(model, disabledTools());
  return (tools?.server ?? []).filter((id) => offered.includes(id));
}

/** The connectors switched on, which must be the user's. */
async function chosenConnectors(userId: string, tools: ToolChoices | undefined) {
  const ids = [...new Set(tools?.connectors ?? [])];
  if (ids.length === 0 || disabledTools().has("connectors")) return [];
  const connectors = await connectorsForRequest(userId, ids);
  if (connectors.length !== ids.length)
    throw new AppError("not_found:connector", "A connector switched on in Tools was not found.");
  return connectors;
}

function planTurn(userId: string, request: ChatRequest, counting: boolean): Promise<PlannedTurn> {
  switch (request.kind) {
    case "send":
      return planSend(userId, request, counting ? anyContext : idleContext);
    case "edit":
      return planEdit(userId, request);
    case "retry":
      return planRetry(userId, request);
  }
}

/** The model's details; a model the Models API does not offer is refused before anything else. */
async function usableModel(id: string) {
  const accepted = await acceptModel(id);
  if (!accepted)
    throw new AppError(
      "bad_request:model",
      `The model “${id}” is not available here. Pick one from the list.`,
    );
  return accepted.model;
}

/**
 * Checks a chat request (parameters, ownership, no reply already generating) and builds the
 * upstream request. Nothing is saved yet: the caller starts `save()` and the generation together.
 */
export async function prepareReply(
  userId: string,
  request: ChatRequest,
  /** Only to count the request's tokens: a reply still generating does not stop it. */
  { counting = false } = {},
): Promise<PreparedReply> {
  const [model, settings, connectors] = await Promise.all([
    usableModel(request.model),
    getUserSettings(userId),
    chosenConnectors(userId, request.tools),
  ]);
  const serverTools = chosenServerTools(model, request.tools);
  const specOf = (turns: ReturnType<typeof history>, system: string | null, images: ImageData) => {
    try {
      return replySpec({
        modelId: request.model,
        model,
        history: turns,
        images,
        system,
        params: request.params,
        userId,
        promptCaching: settings.promptCaching,
        tools: replyTools(settings),
        serverTools,
        connectors,
      });
    } catch (error) {
      if (error instanceof ParamsError) throw new AppError("bad_request:input", error.message);
      throw error;
    }
  };
  // The parameters are checked before anything is looked up or planned.
  specOf([], null, new Map());
  const { rows, system, save, newConversation, ...turn } = await planTurn(userId, request, counting);
  const turns = history(rows);
  return {
    save: () =>
      save().catch((error: unknown) => {
        throw saveError(error);
      }),
    newConversation,
    model,
    command: { ...turn, userId, spec: specOf(turns, system, await imageData(userId, turns, counting)) },
  };
}
