"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { CONVERSATIONS_CHANGED } from "@/components/chat/use-chat";
import { listConversations } from "@/lib/api-client/conversations";
import { appendPage, type ConversationPage, mergeFirstPage, SIDEBAR_PAGE_SIZE } from "./pages";

// A new conversation's title may be rewritten by a model shortly after its first reply ends.
const TITLE_RECHECK_MS = 5000;

async function fetchPage(cursor: string | null): Promise<ConversationPage> {
  const result = await listConversations(SIDEBAR_PAGE_SIZE, cursor);
  if (!result.ok) throw new Error(result.failure.code);
  return result.data;
}

/**
 * The conversation list: the server's first page, more pages loaded when `sentinel` scrolls into
 * view inside `root`, and fresh first pages merged in (new props, or a reply that ended).
 */
export function useConversationPages(firstPage: ConversationPage) {
  const [list, setList] = useState(firstPage);
  const [seenFirstPage, setSeenFirstPage] = useState(firstPage);
  if (firstPage !== seenFirstPage) {
    setSeenFirstPage(firstPage);
    setList(mergeFirstPage(list, firstPage));
  }
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  // Bumped by local edits, so that a first page requested before one cannot undo it.
  const edits = useRef(0);
  const { nextCursor } = list;

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoading(true);
    setFailed(false);
    try {
      const page = await fetchPage(nextCursor);
      // A fresher first page may have moved the list on meanwhile; then this page is stale.
      setList((current) => (current.nextCursor === nextCursor ? appendPage(current, page) : current));
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [nextCursor]);

  // A new observer after every load reports at once whether the end is still in view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !nextCursor || loading || failed) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { root: root.current, rootMargin: "0px 0px 100px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [nextCursor, loading, failed, loadMore]);

  useEffect(() => {
    let recheck: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const before = edits.current;
      const page = await fetchPage(null).catch(() => null);
      if (page && edits.current === before) setList((current) => mergeFirstPage(current, page));
    };
    const onChange = () => {
      void refresh();
      clearTimeout(recheck);
      recheck = setTimeout(refresh, TITLE_RECHECK_MS);
    };
    window.addEventListener(CONVERSATIONS_CHANGED, onChange);
    return () => {
      window.removeEventListener(CONVERSATIONS_CHANGED, onChange);
      clearTimeout(recheck);
    };
  }, []);

  const rename = useCallback((id: string, title: string) => {
    edits.current++;
    setList((current) => ({
      ...current,
      conversations: current.conversations.map((row) => (row.id === id ? { ...row, title } : row)),
    }));
  }, []);

  const remove = useCallback((id: string) => {
    edits.current++;
    setList((current) => ({
      ...current,
      conversations: current.conversations.filter((row) => row.id !== id),
    }));
  }, []);

  return { ...list, loading, failed, loadMore, rename, remove, root, sentinel };
}
