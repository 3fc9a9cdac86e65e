"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { CitationLocation, CitedSource } from "./citations";

const TOOLTIP_CHARS = 300;
const markerClass =
  "rounded px-0.5 font-medium text-blue-700 hover:underline aria-expanded:bg-blue-50 dark:text-blue-400 dark:aria-expanded:bg-blue-950";

function clipped(text: string): string {
  return text.length > TOOLTIP_CHARS ? `${text.slice(0, TOOLTIP_CHARS)}…` : text;
}

/** The tooltip: the source's title, then what it says. */
function tooltip(title: string, source: CitedSource): string {
  return [title, ...source.citedTexts.map((text) => `“${clipped(text)}”`)].join("\n");
}

function useLocationWords() {
  const t = useTranslations("chat.citations");
  return (where: CitationLocation): string | null => {
    switch (where.kind) {
      // Pages count from 1, characters and blocks from 0; every end is exclusive.
      case "pages":
        return where.end - where.start <= 1
          ? t("page", { page: where.start })
          : t("pages", { start: where.start, end: where.end - 1 });
      case "chars":
        return t("characters", { start: where.start + 1, end: where.end });
      case "blocks":
        return where.end - where.start <= 1
          ? t("block", { block: where.start + 1 })
          : t("blocks", { start: where.start + 1, end: where.end });
      default:
        return null;
    }
  };
}

/**
 * The numbered markers after a text block's text: a link to a cited web page, or a button that shows
 * the cited passage of a document. Each carries `data-citation` with its number.
 */
export function CitationMarkers({ sources, numbers }: { sources: CitedSource[]; numbers: number[] }) {
  const t = useTranslations("chat.citations");
  const locationWords = useLocationWords();
  const [shown, setShown] = useState<number | null>(null);
  const panelId = useId();
  const titleOf = (source: CitedSource) =>
    source.title ??
    (source.documentIndex !== null
      ? t("documentNumber", { number: source.documentIndex + 1 })
      : t("document"));
  const open = sources.findIndex((_, index) => numbers[index] === shown);
  const openSource = open >= 0 ? sources[open] : undefined;

  return (
    <>
      <span className="mt-0.5 flex flex-wrap items-baseline gap-0.5 text-xs">
        {sources.map((source, index) => {
          const number = numbers[index] ?? index + 1;
          const label = `[${number}]`;
          return source.url ? (
            <a
              key={source.key}
              href={source.url}
              target="_blank"
              rel="noopener noreferrer"
              data-citation={number}
              title={tooltip(titleOf(source), source)}
              className={markerClass}
            >
              {label}
            </a>
          ) : (
            <button
              key={source.key}
              type="button"
              data-citation={number}
              aria-expanded={shown === number}
              aria-controls={panelId}
              title={tooltip(titleOf(source), source)}
              onClick={() => setShown((previous) => (previous === number ? null : number))}
              className={markerClass}
            >
              {label}
            </button>
          );
        })}
      </span>
      <div id={panelId} hidden={!openSource}>
        {openSource && (
          <div
            data-citation-detail={shown ?? undefined}
            className="mt-1 rounded-md border border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800"
          >
            <p className="font-medium">
              {titleOf(openSource)}
              {locationWords(openSource.location) && (
                <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">
                  {locationWords(openSource.location)}
                </span>
              )}
            </p>
            {openSource.citedTexts.map((text) => (
              <blockquote
                key={text}
                className="mt-1 whitespace-pre-wrap break-words border-l-2 border-zinc-300 pl-2 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
              >
                {text}
              </blockquote>
            ))}
          </div>
        )}
      </div>
    </>
  );
}
