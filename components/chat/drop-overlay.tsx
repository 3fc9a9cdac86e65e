"use client";

import { Paperclip } from "lucide-react";
import { useTranslations } from "next-intl";
import { type DragEvent, useRef, useState } from "react";

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/**
 * Dragging files over the chat: `active` while they are over it (for the overlay), and handlers for
 * the area that attach dropped files with `onFiles`. Enter and leave fire for every child crossed,
 * hence the depth count.
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  const reset = () => {
    depth.current = 0;
    setActive(false);
  };
  return {
    active,
    handlers: {
      onDragEnter: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setActive(true);
      },
      onDragOver: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setActive(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setActive(false);
      },
      onDrop: (event: DragEvent) => {
        reset();
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        onFiles([...event.dataTransfer.files]);
      },
    },
  };
}

/** The full-area sign shown while files are dragged over the chat. */
export function DropOverlay() {
  const t = useTranslations("chat");
  return (
    <div
      data-drop-overlay
      className="pointer-events-none absolute inset-2 z-30 flex flex-col items-center justify-center gap-2 rounded-2xl border-2 border-dashed border-blue-500 bg-white/90 p-6 text-center dark:border-blue-400 dark:bg-zinc-950/90"
    >
      <Paperclip aria-hidden="true" className="size-8 text-blue-600 dark:text-blue-400" />
      <p className="text-lg font-semibold">{t("dropFiles")}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("dropTypes")}</p>
    </div>
  );
}
