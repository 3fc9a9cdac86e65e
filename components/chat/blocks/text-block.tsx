"use client";

import { Markdown } from "../markdown";

export function TextBlock({ text, live }: { text: string; live: boolean }) {
  return (
    <div data-block-type="text">
      <Markdown text={text} streaming={live} />
    </div>
  );
}
