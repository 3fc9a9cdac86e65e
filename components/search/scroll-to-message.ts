// Brings a message into view once the conversation page has rendered it and hydrated: the chat pins
// itself to the bottom when it mounts, and a user scroll (this one) unpins it.
const WAIT_MS = 5_000;
const STEP_MS = 100;

export function scrollToMessage(messageId: string) {
  const started = Date.now();
  const selector = `[data-message-id="${CSS.escape(messageId)}"]`;
  const attempt = () => {
    const element = document.querySelector("main[data-chat-ready]") && document.querySelector(selector);
    if (element) element.scrollIntoView({ block: "center" });
    else if (Date.now() - started < WAIT_MS) window.setTimeout(attempt, STEP_MS);
  };
  attempt();
}

/** The message named by a `#m-<id>` hash, if any. */
export function messageIdFromHash(hash: string): string | null {
  const match = /^#m-([A-Za-z0-9_-]{1,64})$/.exec(hash);
  return match?.[1] ?? null;
}
