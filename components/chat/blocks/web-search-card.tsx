"use client";

import { useTranslations } from "next-intl";
import type { ContentBlock } from "@/lib/chat/content";
import {
  externalHref,
  fieldsOf,
  resultErrorCode,
  searchQueryOf,
  stringOf,
  type ToolCall,
} from "./block-data";
import { ResultFrame } from "./result-frame";
import { ToolCard } from "./tool-card";
import { ToolErrorNote } from "./tool-error";

interface WebHit {
  url: string;
  title: string;
  pageAge: string | null;
}

function hitsOf(block: ContentBlock): WebHit[] {
  const content = (block as Record<string, unknown>).content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((item: unknown) => {
    const fields = fieldsOf(item);
    const url = stringOf(fields.url);
    if (fields.type !== "web_search_result" || !url) return [];
    return [{ url, title: stringOf(fields.title) ?? "", pageAge: stringOf(fields.page_age) }];
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

function HitItem({ hit }: { hit: WebHit }) {
  const href = externalHref(hit.url);
  const title = hit.title || hit.url;
  const host = href ? hostOf(href) : "";
  return (
    <li className="py-1">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium underline">
          {title}
        </a>
      ) : (
        <span className="font-medium">{title}</span>
      )}
      {host && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{host}</span>}
      {hit.pageAge && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{hit.pageAge}</span>}
    </li>
  );
}

/** A web_search_tool_result: the pages found as external links, or why the search failed. */
export function WebSearchResult({
  block,
  standalone = false,
}: {
  block: ContentBlock;
  standalone?: boolean;
}) {
  const t = useTranslations("chat.blocks");
  const code = resultErrorCode(block);
  const hits = code ? [] : hitsOf(block);
  return (
    <ResultFrame type={block.type} errorCode={code} standalone={standalone} label={t("webSearchResults")}>
      {code ? (
        <ToolErrorNote code={code} family="web_search" />
      ) : hits.length === 0 ? (
        <p className="text-zinc-500 dark:text-zinc-400">{t("noWebResults")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800">
          {hits.map((hit, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a finished result never reorders; urls may repeat
            <HitItem key={index} hit={hit} />
          ))}
        </ul>
      )}
    </ResultFrame>
  );
}

/** server_tool_use web_search and its result: what Claude searched for, then the pages. */
export function WebSearchCard({
  call,
  result,
  pending,
}: {
  call: ToolCall;
  result: ContentBlock | null;
  pending: boolean;
}) {
  const t = useTranslations("chat.blocks");
  const query = searchQueryOf(call.input);
  const code = result ? resultErrorCode(result) : null;
  let summary = t("webSearched", { query });
  if (!result && pending) summary = t("webSearching", { query });
  else if (code) summary = t("webSearchFailed", { query });
  return (
    <ToolCard type={call.type} name={call.name} summary={summary}>
      {result && <WebSearchResult block={result} />}
    </ToolCard>
  );
}
