"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ChatMessage } from "@/lib/chat/view-model";

/**
 * A visually hidden live region that tells screen readers when the reply being written has
 * finished or was stopped (a failed reply speaks through its own alert). It says nothing while
 * the reply streams, so the reader is not interrupted on every token.
 */
export function ReplyAnnouncer({ messages }: { messages: ChatMessage[] }) {
  const t = useTranslations("chat");
  const last = messages.findLast((message) => message.role === "assistant");
  const streaming = last?.status === "streaming";
  const [sawStreaming, setSawStreaming] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // Adjusting state while rendering (React's pattern for "react to a prop change"): no extra frame.
  if (streaming && !sawStreaming) {
    setSawStreaming(true);
    setAnnouncement("");
  } else if (!streaming && sawStreaming) {
    setSawStreaming(false);
    setAnnouncement(
      last?.status === "done" ? t("replyFinished") : last?.status === "stopped" ? t("replyStopped") : "",
    );
  }
  return (
    <div role="status" aria-live="polite" data-reply-announcer="" className="sr-only">
      {announcement}
    </div>
  );
}
