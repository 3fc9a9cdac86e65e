"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { messageIdFromHash, scrollToMessage } from "@/components/search/scroll-to-message";
import { parseSearchResult, type SearchToolResult } from "@/lib/tools/search-result";
import { appHref, searchQueryOf, type ToolCall, type ToolResult } from "./block-data";
import { ToolCard } from "./tool-card";

function HitItem({ hit }: { hit: SearchToolResult["results"][number] }) {
  const format = useFormatter();
  const href = appHref(hit.url);
  // "/c/<id>?m=<msg>#m-<msg>": the conversation page opens that message's branch and scrolls to it.
  const messageId = href && messageIdFromHash(href.slice(Math.max(0, href.indexOf("#"))));
  const date = new Date(hit.date);
  const title = hit.title || hit.url;
  return (
    <li className="py-1">
      {href ? (
        <Link
          href={href}
          onClick={() => messageId && scrollToMessage(messageId)}
          className="font-medium underline"
        >
          {title}
        </Link>
      ) : (
        <span className="font-medium">{title}</span>
      )}
      {!Number.isNaN(date.getTime()) && (
        <time dateTime={hit.date} className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">
          {/* UTC: the server and the browser render the same text. */}
          {format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" })}
        </time>
      )}
      {hit.snippet && <p className="break-words text-xs text-zinc-600 dark:text-zinc-400">{hit.snippet}</p>}
    </li>
  );
}

/** search_conversations: what Claude looked for, how many hits, and the hits as links. */
export function SearchCard({
  call,
  result,
  pending,
}: {
  call: ToolCall;
  result: ToolResult | null;
  pending: boolean;
}) {
  const t = useTranslations("chat.blocks");
  const query = searchQueryOf(call.input);
  const hits = result && !result.isError ? (parseSearchResult(result.text)?.results ?? null) : null;
  let summary = t("searchedNoCount", { query });
  if (!result && pending) summary = t("searching", { query });
  else if (result?.isError) summary = t("searchFailed", { query });
  else if (hits) summary = t("searched", { query, count: hits.length });

  return (
    <ToolCard type={call.type} name={call.name} summary={summary}>
      {result && (
        <div data-block-type={result.type} data-tool-error={result.isError ? "" : undefined} className="mt-1">
          {hits === null ? (
            <p className="whitespace-pre-wrap break-words text-zinc-600 dark:text-zinc-400">
              {result.text || t("emptyResult")}
            </p>
          ) : hits.length === 0 ? (
            <p className="text-zinc-500 dark:text-zinc-400">{t("noHits")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800">
              {hits.map((hit, index) => (
                // Hits may repeat a url (two matches in one message): the position keeps keys unique.
                // biome-ignore lint/suspicious/noArrayIndexKey: a finished result never reorders
                <HitItem key={index} hit={hit} />
              ))}
            </ul>
          )}
        </div>
      )}
    </ToolCard>
  );
}
