"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ContentBlock } from "@/lib/chat/content";
import { externalHref, fieldsOf, resultErrorCode, stringOf, type ToolCall } from "./block-data";
import { preClass, ResultFrame } from "./result-frame";
import { ToolCard } from "./tool-card";
import { ToolErrorNote } from "./tool-error";

const EXCERPT_CHARS = 600;

interface FetchedPage {
  url: string | null;
  title: string | null;
  retrievedAt: string | null;
  /** The start of a text page (PDFs are not shown). */
  excerpt: string | null;
}

function pageOf(block: ContentBlock | null): FetchedPage | null {
  if (!block) return null;
  const content = fieldsOf((block as Record<string, unknown>).content);
  if (content.type !== "web_fetch_result") return null;
  const document = fieldsOf(content.content);
  const source = fieldsOf(document.source);
  const text = source.type === "text" ? stringOf(source.data) : null;
  return {
    url: stringOf(content.url),
    title: stringOf(document.title),
    retrievedAt: stringOf(content.retrieved_at),
    excerpt: text ? (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text) : null,
  };
}

function PageLink({ url }: { url: string }) {
  const href = externalHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break-all underline">
      {url}
    </a>
  ) : (
    <span className="break-all">{url}</span>
  );
}

/** A web_fetch_tool_result: the page's link, when it was read and how it starts, or why it failed. */
export function WebFetchResult({
  block,
  requestedUrl = null,
  standalone = false,
}: {
  block: ContentBlock;
  /** The URL Claude asked for (the call's input). */
  requestedUrl?: string | null;
  standalone?: boolean;
}) {
  const t = useTranslations("chat.blocks");
  const format = useFormatter();
  const code = resultErrorCode(block);
  const page = pageOf(block);
  const url = page?.url ?? requestedUrl;
  const retrieved = page?.retrievedAt ? new Date(page.retrievedAt) : null;
  return (
    <ResultFrame type={block.type} errorCode={code} standalone={standalone} label={t("webFetchResult")}>
      {url && <PageLink url={url} />}
      {code && <ToolErrorNote code={code} family="web_fetch" />}
      {retrieved && !Number.isNaN(retrieved.getTime()) && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("retrievedAt", {
            date: format.dateTime(retrieved, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
          })}
        </p>
      )}
      {page?.excerpt && <p className={preClass}>{page.excerpt}</p>}
    </ResultFrame>
  );
}

/** server_tool_use web_fetch and its result: which page Claude read. */
export function WebFetchCard({
  call,
  result,
  pending,
}: {
  call: ToolCall;
  result: ContentBlock | null;
  pending: boolean;
}) {
  const t = useTranslations("chat.blocks");
  const requestedUrl = stringOf(fieldsOf(call.input).url);
  const code = result ? resultErrorCode(result) : null;
  const page = pageOf(result);
  const url = page?.url ?? requestedUrl ?? "";
  let summary = t("fetched", { page: page?.title || url });
  if (!result && pending) summary = t("fetching", { url });
  else if (code) summary = t("fetchFailed", { url });
  return (
    <ToolCard type={call.type} name={call.name} summary={summary}>
      {result ? (
        <WebFetchResult block={result} requestedUrl={requestedUrl} />
      ) : (
        requestedUrl && (
          <p className="mt-1">
            <PageLink url={requestedUrl} />
          </p>
        )
      )}
    </ToolCard>
  );
}
