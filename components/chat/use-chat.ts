"use client";

// Drives one conversation: sends messages and retries, follows reply streams (resuming after a
// dropped connection or a reload), and stops replies.
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from "react";
import * as api from "@/lib/api-client/chat";
import type { ApiFailure } from "@/lib/api-client/request";
import type { ContentBlock } from "@/lib/chat/content";
import { ChatEventDecoder } from "@/lib/chat/protocol";
import type { ReplyParams } from "@/lib/chat/request";
import type { ChatMessage } from "@/lib/chat/view-model";
import type { UploadedDocument } from "@/lib/documents/use-document-attachments";
import type { PendingImage } from "@/lib/images/use-image-attachments";
import { NO_TOOLS_CHOSEN, type ToolChoices } from "@/lib/tools/choice-limits";
import { chatReducer } from "./chat-state";

interface Options {
  conversationId: string | null;
  initialMessages: ChatMessage[];
  /** Where the page above the initial messages starts; null when they reach the conversation's start. */
  initialOlderCursor: string | null;
}

export interface SendExtras {
  images: PendingImage[];
  documents?: UploadedDocument[];
  /** For a new conversation: the preset whose prompt it keeps. */
  presetId: string | null;
  /** The Tools menu's choices this model is offered (absent: none). */
  tools?: ToolChoices;
}

/** How a just-sent image is shown until the saved message replaces it. */
function storedImage(image: PendingImage): ContentBlock {
  return image.kind === "upload"
    ? {
        type: "image",
        source: { type: "attachment", attachment_id: image.attachmentId, media_type: image.mediaType },
      }
    : { type: "image", source: { type: "url", url: image.url } };
}

/** A send's attachments as the chat route takes them (also what the context meter counts). */
export function attachmentChoices(images: PendingImage[], documents: UploadedDocument[]) {
  return {
    images: images.map((image) =>
      image.kind === "upload"
        ? { kind: "upload" as const, attachmentId: image.attachmentId }
        : { kind: "url" as const, url: image.url },
    ),
    documents: documents.map((document) => ({ attachmentId: document.id })),
  };
}

/** How a just-sent document is shown until the saved message replaces it. */
function storedDocument(document: UploadedDocument): ContentBlock {
  return {
    type: "document",
    source: { type: "attachment", attachment_id: document.id, media_type: document.mediaType },
    title: document.name,
    ...(document.pages ? { pages: document.pages } : {}),
  };
}

function localId() {
  return `local-${crypto.randomUUID()}`;
}

/** "skipped": nothing to load, or that page is already on its way. */
export type OlderPageResult = "loaded" | "skipped" | "failed";

/** Fired on window when a reply ends, so the conversation list can show the new or updated conversation. */
export const CONVERSATIONS_CHANGED = "conversations-changed";

export function useChat({
  conversationId: initialConversationId,
  initialMessages,
  initialOlderCursor,
}: Options) {
  const [messages, dispatch] = useReducer(chatReducer, initialMessages);
  const [olderCursor, setOlderCursor] = useState(initialOlderCursor);
  // The cursor of the older page being loaded or shown: each page is asked for once.
  const requestedCursor = useRef<string | null>(null);
  const [streamingId, setStreamingId] = useState<string | null>(null);
  const [sendError, setSendError] = useState<ApiFailure | null>(null);
  const conversationId = useRef(initialConversationId);
  const [savedConversationId, setSavedConversationId] = useState(initialConversationId);
  const stopWanted = useRef(false);
  const shown = useRef(messages);
  shown.current = messages;
  // An edit, regenerate or branch switch waiting for the server: nothing else may start meanwhile.
  const [pending, setPending] = useState(false);
  // Counts replacements of the whole list (branch switches): an older page asked for before one is dropped.
  const listVersion = useRef(0);

  const loadSaved = useCallback(async (id: string) => {
    const result = await api.savedMessage(id);
    if (result.ok && result.data?.message) dispatch({ type: "loaded", message: result.data.message });
  }, []);

  /** Reads a reply stream to its end; on a cut connection, resumes from the last event seen. */
  const follow = useCallback(
    async (response: Response, localAssistantId: string) => {
      let id = localAssistantId;
      let lastSeq = -1;
      let ended = false;
      for (let attempt = 0; attempt < 5 && !ended; attempt++) {
        const body = response.body;
        if (!body) break;
        const reader = body.getReader();
        const decoder = new ChatEventDecoder();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const { seq, event } of decoder.push(value)) {
              if (seq <= lastSeq) continue;
              lastSeq = seq;
              dispatch({ type: "event", id, event });
              if (event.type === "start") {
                id = event.assistantMessageId;
                setStreamingId(id);
                if (!conversationId.current) {
                  conversationId.current = event.conversationId;
                  setSavedConversationId(event.conversationId);
                  window.history.replaceState(null, "", `/c/${event.conversationId}`);
                }
                if (stopWanted.current) void api.stopReply(id);
              }
              if (event.type === "end") ended = true;
            }
          }
        } catch {
          // connection to our server lost: fall through and resume
        }
        if (ended || id.startsWith("local-")) break;
        // Our server unreachable (a network error, not just a cut stream): stop following, so the
        // composer is usable again, and show whatever was saved.
        const next = await api.replyStream(id, lastSeq);
        if (!next.ok || next.response.status !== 200) break; // 204: it finished while we were away
        response = next.response;
      }
      if (!ended && !id.startsWith("local-")) await loadSaved(id);
      setStreamingId(null);
      stopWanted.current = false;
      window.dispatchEvent(new Event(CONVERSATIONS_CHANGED));
    },
    [loadSaved],
  );

  /**
   * Follows a reply that is being generated, from its first event; one that has just finished is
   * loaded as saved. `stillShown` says whether the list it belongs to is still on screen.
   */
  const resume = useCallback(
    async (id: string, stillShown: () => boolean = () => true) => {
      const result = await api.replyStream(id, -1);
      if (!stillShown()) return;
      if (!result.ok || result.response.status !== 200) {
        await loadSaved(id);
        return;
      }
      dispatch({ type: "resuming", id });
      setStreamingId(id);
      await follow(result.response, id);
    },
    [follow, loadSaved],
  );

  const send = useCallback(
    async (text: string, model: string, params: ReplyParams, extras: SendExtras): Promise<boolean> => {
      setSendError(null);
      // A reply whose stream broke before naming its saved id has only a local one: then the server
      // continues the active branch, which ends with that reply.
      const lastId = shown.current.at(-1)?.id;
      const lastShownId = lastId?.startsWith("local-") ? undefined : lastId;
      const userId = localId();
      const assistantId = localId();
      const documents = extras.documents ?? [];
      const attached = [...extras.images.map(storedImage), ...documents.map(storedDocument)];
      dispatch({ type: "sent", userId, assistantId, text, attachments: attached, model });
      setStreamingId(assistantId);
      const result = await api.postChat({
        kind: "send",
        conversationId: conversationId.current ?? undefined,
        // The new turn follows what is on screen, whatever another tab chose meanwhile.
        parentId: conversationId.current ? lastShownId : undefined,
        presetId: conversationId.current ? undefined : extras.presetId,
        text,
        ...attachmentChoices(extras.images, documents),
        model,
        params,
        tools: extras.tools ?? NO_TOOLS_CHOSEN,
      });
      if (!result.ok) {
        // Nothing was saved: take the turn back so the text returns to the composer.
        dispatch({ type: "discard", ids: [userId, assistantId] });
        setStreamingId(null);
        setSendError(result.failure);
        return false;
      }
      void follow(result.response, assistantId);
      return true;
    },
    [follow],
  );

  /** Posts a change to the conversation (retry, edit), busy meanwhile; null (reported) when refused. */
  const postChange = useCallback(async (body: object): Promise<Response | null> => {
    setSendError(null);
    setPending(true);
    const result = await api.postChat(body);
    setPending(false);
    if (result.ok) return result.response;
    setSendError(result.failure);
    return null;
  }, []);

  /** Answers a user turn again (Retry, Regenerate): a new sibling of `previousId`, shown once accepted. */
  const retry = useCallback(
    async (previousId: string, model: string, params: ReplyParams, tools: ToolChoices = NO_TOOLS_CHOSEN) => {
      const response = await postChange({ kind: "retry", messageId: previousId, model, params, tools });
      if (!response) return;
      const assistantId = localId();
      dispatch({ type: "retrying", failedId: previousId, assistantId, model });
      setStreamingId(assistantId);
      void follow(response, assistantId);
    },
    [follow, postChange],
  );

  /**
   * Sends an edited copy of a user message as a new branch. The view changes once the server has
   * accepted it, so a refused edit leaves the editor open with the text; false when refused.
   */
  const edit = useCallback(
    async (
      messageId: string,
      text: string,
      model: string,
      params: ReplyParams,
      tools: ToolChoices = NO_TOOLS_CHOSEN,
    ): Promise<boolean> => {
      const response = await postChange({ kind: "edit", messageId, text, model, params, tools });
      if (!response) return false;
      const userId = localId();
      const assistantId = localId();
      dispatch({ type: "editing", editedId: messageId, userId, assistantId, text, model });
      setStreamingId(assistantId);
      void follow(response, assistantId);
      return true;
    },
    [follow, postChange],
  );

  /** Shows another version of a message (and the newest replies below it); this choice is saved. */
  const switchBranch = useCallback(
    async (messageId: string) => {
      const id = conversationId.current;
      if (!id) return;
      setSendError(null);
      setPending(true);
      try {
        const result = await api.switchBranch(id, messageId);
        if (!result.ok) {
          setSendError(result.failure);
          return;
        }
        const page = result.data;
        const version = ++listVersion.current;
        dispatch({ type: "replaced", messages: page.messages });
        requestedCursor.current = null;
        setOlderCursor(page.olderCursor);
        // That branch may end in a reply another tab is still generating: follow it live (busy until then).
        const last = page.messages.at(-1);
        if (last?.status === "streaming") await resume(last.id, () => version === listVersion.current);
      } finally {
        setPending(false);
      }
    },
    [resume],
  );

  /** Loads the page of messages above the oldest one shown. */
  const loadOlder = useCallback(async (): Promise<OlderPageResult> => {
    const id = conversationId.current;
    if (!id || !olderCursor || requestedCursor.current === olderCursor) return "skipped";
    requestedCursor.current = olderCursor;
    const version = listVersion.current;
    const result = await api.olderMessages(id, olderCursor);
    if (!result.ok) {
      requestedCursor.current = null; // let the next scroll try again
      return "failed";
    }
    const page = result.data;
    if (version !== listVersion.current) return "failed"; // another branch is shown now
    // A transition renders the page in slices, so scrolling and typing stay responsive meanwhile.
    startTransition(() => {
      dispatch({ type: "prepended", messages: page.messages });
      setOlderCursor(page.olderCursor);
    });
    return "loaded";
  }, [olderCursor]);

  const stop = useCallback(() => {
    stopWanted.current = true;
    if (streamingId && !streamingId.startsWith("local-")) {
      void api.stopReply(streamingId);
    }
  }, [streamingId]);

  // A reply still generating when the page loaded (reload, second tab): follow it live.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current) return;
    resumed.current = true;
    const generating = initialMessages.findLast((message) => message.status === "streaming");
    if (generating) void resume(generating.id);
  }, [initialMessages, resume]);

  return {
    conversationId: savedConversationId,
    messages,
    streaming: streamingId !== null,
    pending,
    send,
    edit,
    retry,
    switchBranch,
    hasOlder: olderCursor !== null,
    loadOlder,
    stop,
    sendError,
  };
}
