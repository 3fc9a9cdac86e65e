"use client";

import { useTranslations } from "next-intl";
import type { DocumentBlock } from "@/lib/chat/content";
import { attachmentUrl } from "@/lib/images/limits";

/** A sent message's documents as chips that open the stored file (only its owner can). */
export function MessageDocuments({ blocks }: { blocks: DocumentBlock[] }) {
  const t = useTranslations("documents");
  if (blocks.length === 0) return null;
  return (
    <ul className="flex max-w-[85%] flex-wrap justify-end gap-2">
      {blocks.map((block) => (
        <li key={block.source.attachment_id} data-block-type="document">
          <a
            href={attachmentUrl(block.source.attachment_id)}
            target="_blank"
            rel="noopener"
            aria-label={t("open", { name: block.title })}
            className="flex items-center gap-2 rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            <span className="max-w-60 truncate font-medium">{block.title}</span>
            {block.pages ? (
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {t("pages", { pages: block.pages })}
              </span>
            ) : null}
          </a>
        </li>
      ))}
    </ul>
  );
}
