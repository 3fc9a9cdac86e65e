"use client";

import { lazy, memo, Suspense } from "react";

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

/**
 * Memoized: a re-render reaching the boundary while the server-rendered reply still waits for the
 * renderer's code (the page marking itself hydrated, say) would make React replace it with the plain
 * fallback, and a reloaded reply would flash its raw Markdown.
 */
const MarkdownBoundary = memo(function MarkdownBoundary({ text, streaming }: MarkdownProps) {
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
});

interface MarkdownProps {
  text: string;
  streaming: boolean;
}

export function Markdown(props: MarkdownProps) {
  return <MarkdownBoundary {...props} />;
}
