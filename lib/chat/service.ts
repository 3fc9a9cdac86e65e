// Prepares a reply: ownership checks, saving the user turn, and the upstream request.
import "server-only";
import type { ChatRequest } from "@/app/(chat)/api/chat/schema";
import { findConversation } from "@/lib/db/conversations";
import {
  activePath,
  branchTo,
  createAssistantPlaceholder,
  createTurn,
  findOwnedMessageWithConversation,
} from "@/lib/db/messages";
import { AppError } from "@/lib/errors";
import { findModel } from "@/lib/model/models";
import { type ContentBlock, parseContent } from "./content";
import type { GenerationInput } from "./generate";
import { buildReplyRequest, checkParams, ParamsError } from "./request";

const TITLE_CHARS = 60;

export function titleFrom(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length <= TITLE_CHARS ? oneLine : `${oneLine.slice(0, TITLE_CHARS - 1)}…`;
}

function history(rows: { role: string; content: string }[]) {
  return rows.map((row) => ({ role: row.role, content: parseContent(row.content) }));
}

async function validParams(request: ChatRequest) {
  const model = await findModel(request.model);
  try {
    checkParams(request.params, model);
  } catch (error) {
    if (error instanceof ParamsError) throw new AppError("bad_request:input", error.message);
    throw error;
  }
  return model;
}

export async function prepareReply(userId: string, request: ChatRequest): Promise<GenerationInput> {
  const model = await validParams(request);
  let conversationId: string;
  let userMessageId: string;
  let assistantMessageId: string;
  let rows: { role: string; content: string }[];
  let system: string | null = null;

  if (request.kind === "send") {
    const conversation = request.conversationId
      ? await findConversation(userId, request.conversationId)
      : null;
    if (request.conversationId && !conversation)
      throw new AppError("not_found:conversation", "Conversation not found.");
    const path = conversation ? await activePath(conversation.id, userId) : [];
    if (path.at(-1)?.status === "streaming") {
      throw new AppError("conflict:generation", "A reply is still being generated in this conversation.");
    }
    const userContent: ContentBlock[] = [{ type: "text", text: request.text }];
    ({ conversationId, userMessageId, assistantMessageId } = await createTurn({
      userId,
      conversationId: conversation?.id ?? null,
      newTitle: titleFrom(request.text),
      model: request.model,
      parentId: path.at(-1)?.id ?? null,
      userContent,
    }));
    rows = [...path, { role: "user", content: JSON.stringify(userContent) }];
    system = conversation?.systemPrompt ?? null;
  } else {
    const failed = await findOwnedMessageWithConversation(request.messageId, userId);
    if (failed?.role !== "assistant" || !failed.parentId) {
      throw new AppError("not_found:message", "Message not found.");
    }
    if (failed.status === "streaming")
      throw new AppError("conflict:generation", "This reply is still being generated.");
    conversationId = failed.conversationId;
    userMessageId = failed.parentId;
    rows = await branchTo(conversationId, userId, userMessageId);
    system = (await findConversation(userId, conversationId))?.systemPrompt ?? null;
    ({ id: assistantMessageId } = await createAssistantPlaceholder(
      conversationId,
      userMessageId,
      request.model,
    ));
  }

  return {
    conversationId,
    userMessageId,
    assistantMessageId,
    request: buildReplyRequest({
      modelId: request.model,
      model,
      history: history(rows),
      system,
      params: request.params,
      userId,
    }),
  };
}
