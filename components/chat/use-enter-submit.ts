"use client";

import { type KeyboardEvent, useRef } from "react";

/** True while an IME (Japanese, Chinese, Korean input) is composing: Enter then confirms, never sends. */
function isComposing(event: KeyboardEvent<HTMLTextAreaElement>, justEnded: boolean): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229 || justEnded;
}

/** Textarea handlers: Enter submits, Shift+Enter inserts a newline, Enter that ends an IME composition does neither. */
export function useEnterSubmit(submit: () => void) {
  // Safari fires compositionend before the Enter keydown that ended the composition.
  const compositionJustEnded = useRef(false);
  return {
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key !== "Enter" || event.shiftKey) return;
      if (isComposing(event, compositionJustEnded.current)) return;
      event.preventDefault();
      submit();
    },
    onCompositionStart: () => {
      compositionJustEnded.current = false;
    },
    onCompositionEnd: () => {
      compositionJustEnded.current = true;
      setTimeout(() => {
        compositionJustEnded.current = false;
      }, 0);
    },
  };
}
