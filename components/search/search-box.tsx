"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type SearchHit, search } from "@/lib/api-client/account";
import type { ApiFailure } from "@/lib/api-client/request";
import { useErrorText } from "@/lib/i18n/use-error-text";
import { messageIdFromHash, scrollToMessage } from "./scroll-to-message";

type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "failed"; failure: ApiFailure }
  | { status: "done"; hits: SearchHit[] };

const DEBOUNCE_MS = 200;

// `?m=` has the page load the message's branch around it; `#m-` scrolls to it once shown.
const hitHref = (hit: SearchHit) =>
  `/c/${hit.conversationId}${hit.messageId ? `?m=${hit.messageId}#m-${hit.messageId}` : ""}`;

/** The sidebar's search: matches in the user's conversation titles and messages, newest first. */
export function SearchBox() {
  const t = useTranslations("search");
  const errorText = useErrorText();
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
      const result = await search(q, controller.signal);
      if (result.ok) setState({ status: "done", hits: result.data.results });
      else if (!controller.signal.aborted) setState({ status: "failed", failure: result.failure });
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
        <p role="alert" data-error-code={state.failure.code} className="px-1 pt-1 text-xs text-red-600">
          {state.failure.code.startsWith("rate_limited:") ? errorText(state.failure) : t("failed")}
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
