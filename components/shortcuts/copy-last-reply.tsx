"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { textOf } from "@/lib/chat/content";
import type { ChatMessage } from "@/lib/chat/view-model";
import { useShortcut } from "./use-shortcut";

const SHOWN_MS = 2000;

/** The "copy the last reply" shortcut, and the note that says it was copied. */
export function CopyLastReply({ messages }: { messages: ChatMessage[] }) {
  const t = useTranslations("nav.shortcuts");
  const [note, setNote] = useState<"copied" | "copyFailed" | null>(null);
  const text = textOf(messages.findLast((message) => message.role === "assistant")?.content ?? []);

  useShortcut("copyLastReply", () => {
    if (!text) return false;
    navigator.clipboard.writeText(text).then(
      () => setNote("copied"),
      () => setNote("copyFailed"),
    );
  });

  useEffect(() => {
    if (note === null) return;
    const timer = window.setTimeout(() => setNote(null), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [note]);

  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 bottom-24 z-40 flex justify-center">
      {note && (
        <p className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
          {t(note)}
        </p>
      )}
    </div>
  );
}
