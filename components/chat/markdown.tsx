"use client";

import { lazy, Suspense } from "react";

// The Markdown renderer (Streamdown, its parsers and the code highlighter) is the largest part of the
// chat page's JavaScript, and a new chat shows no reply: it loads with the first message on screen, or
// earlier when the composer calls preloadMarkdown. Until then the text shows as it is.
const loadRenderer = () => import("./markdown-renderer");
const MarkdownRenderer = lazy(loadRenderer);

let preloading: Promise<unknown> | null = null;
/** Starts loading the renderer ahead of the first reply (once). */
export function preloadMarkdown(): void {
  preloading ??= loadRenderer().catch(() => {
    preloading = null;
  });
}

function PlainText({ text }: { text: string }) {
  return <div className="min-w-0 whitespace-pre-wrap break-words">{text}</div>;
}

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
