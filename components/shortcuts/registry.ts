// The keyboard shortcuts: their bindings, matching a key press to one, and the handlers that the
// components owning each action register while they are on screen.

export type ShortcutId =
  | "newChat"
  | "search"
  | "focusComposer"
  | "stop"
  | "copyLastReply"
  | "toggleSidebar"
  | "help";

/** `mod` is Ctrl, or ⌘ on Apple keyboards. Letters match by key or, on other layouts, by physical key. */
export interface Binding {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export const SHORTCUTS: readonly { id: ShortcutId; binding: Binding }[] = [
  { id: "newChat", binding: { key: "o", mod: true, shift: true } },
  { id: "search", binding: { key: "k", mod: true } },
  { id: "focusComposer", binding: { key: "Escape", shift: true } },
  { id: "stop", binding: { key: "Escape" } },
  { id: "copyLastReply", binding: { key: "c", mod: true, shift: true } },
  { id: "toggleSidebar", binding: { key: "s", mod: true, shift: true } },
  { id: "help", binding: { key: "?" } },
];

/** The parts of a KeyboardEvent the matching reads. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  keyCode: number;
  target: EventTarget | null;
}

const NOT_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"]);

/** Typing goes here: `?` is then a character, not a shortcut. */
export function isTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

function matches(binding: Binding, event: KeyPress): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey) return false;
  if (binding.key === "?") return event.key === "?" && !mod && !isTextField(event.target);
  if (Boolean(binding.mod) !== mod || Boolean(binding.shift) !== event.shiftKey) return false;
  if (binding.key.length > 1) return event.key === binding.key;
  return event.key.toLowerCase() === binding.key || event.code === `Key${binding.key.toUpperCase()}`;
}

/** The shortcut a key press stands for; none while an input method is composing text. */
export function matchShortcut(event: KeyPress): ShortcutId | null {
  // keyCode 229: the key press went to the IME (Safari reports the composition's end this way).
  if (event.isComposing || event.keyCode === 229) return null;
  return SHORTCUTS.find(({ binding }) => matches(binding, event))?.id ?? null;
}

/** Handlers return false when they cannot act now (the key then keeps its usual meaning). */
type Handler = () => unknown;

const handlers = new Map<ShortcutId, Handler[]>();

/** Registers a handler; the latest registered one for a shortcut runs. Returns the unregister function. */
export function onShortcut(id: ShortcutId, handler: Handler): () => void {
  handlers.set(id, [...(handlers.get(id) ?? []), handler]);
  return () =>
    handlers.set(
      id,
      (handlers.get(id) ?? []).filter((candidate) => candidate !== handler),
    );
}

/** Runs a shortcut's action; true when something handled it. */
export function runShortcut(id: ShortcutId): boolean {
  const handler = handlers.get(id)?.at(-1);
  return handler ? handler() !== false : false;
}
