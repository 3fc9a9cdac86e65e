"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { messageIdFromHash, scrollToMessage } from "./scroll-to-message";

interface SearchHit {
  conversationId: string;
  title: string;
  messageId: string | null;
  snippet: string;
}

type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "failed" }
  | { status: "done"; hits: SearchHit[] };

const DEBOUNCE_MS = 200;

// `?m=` has the page load the message's branch around it; `#m-` scrolls to it once shown.
const hitHref = (hit: SearchHit) =>
  `/c/${hit.conversationId}${hit.messageId ? `?m=${hit.messageId}#m-${hit.messageId}` : ""}`;

/** The sidebar's search: matches in the user's conversation titles and messages, newest first. */
export function SearchBox() {
  const t = useTranslations("search");
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });

  // Opening the app at /c/<id>#m-<messageId> (a reload, a shared link) scrolls to that message too.
  useEffect(() => {
    const messageId = messageIdFromHash(window.location.hash);
    if (messageId) scrollToMessage(messageId);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      setState({ status: "loading" });
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const { results } = (await response.json()) as { results: SearchHit[] };
        setState({ status: "done", hits: results });
      } catch {
        if (!controller.signal.aborted) setState({ status: "failed" });
      }
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <search className="block px-2 pb-2">
      <input
        type="search"
        aria-label={t("label")}
        placeholder={t("placeholder")}
        value={query}
        maxLength={200}
        onChange={(event) => setQuery(event.target.value)}
        className="w-full rounded-md border border-zinc-300 bg-transparent px-3 py-1.5 text-sm dark:border-zinc-700"
      />
      {state.status === "loading" && (
        <p className="px-1 pt-1 text-xs text-zinc-500 dark:text-zinc-400">{t("searching")}</p>
      )}
      {state.status === "failed" && (
        <p role="alert" className="px-1 pt-1 text-xs text-red-600">
          {t("failed")}
        </p>
      )}
      {state.status === "done" &&
        (state.hits.length === 0 ? (
          <p className="px-1 pt-1 text-xs text-zinc-500 dark:text-zinc-400">{t("noMatches")}</p>
        ) : (
          <ul aria-label={t("results")} className="mt-1 flex max-h-72 flex-col gap-0.5 overflow-y-auto">
            {state.hits.map((hit) => (
              <li key={`${hit.conversationId}-${hit.messageId ?? "title"}`}>
                <Link
                  href={hitHref(hit)}
                  data-search-hit={hit.messageId ?? ""}
                  onClick={() => hit.messageId && scrollToMessage(hit.messageId)}
                  className="block rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
                >
                  <span className="block truncate font-medium">{hit.title}</span>
                  <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                    {hit.messageId ? hit.snippet : t("titleMatch")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </search>
  );
}
