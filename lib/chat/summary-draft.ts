"use client";
// Hands the draft of a chat started from a summary to the new chat page: kept in this tab's
// sessionStorage, taken (and removed) once by the composer of the next new chat.
const KEY = "new-chat-draft";

/** The summary first, then the message the user had typed. */
export function draftFromSummary(intro: string, summary: string, message: string): string {
  const parts = [intro, summary.trim(), message.trim()].filter(Boolean);
  return `${parts.join("\n\n")}\n`;
}

export function saveNewChatDraft(text: string): boolean {
  try {
    sessionStorage.setItem(KEY, text);
    return true;
  } catch {
    return false;
  }
}

export function takeNewChatDraft(): string | null {
  try {
    const text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return text;
  } catch {
    return null;
  }
}
