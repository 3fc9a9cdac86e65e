"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { type KeyboardEventHandler, type ReactNode, useState } from "react";
import { dialogBox, dialogOverlay } from "./panel-styles";

interface ModalProps {
  title: ReactNode;
  /** Escape, a click outside, or a Close button: the parent unmounts the modal. */
  onClose: () => void;
  /** Beside the title (e.g. a Close button). */
  titleEnd?: ReactNode;
  width?: string;
  onKeyDown?: KeyboardEventHandler<HTMLDivElement>;
  children: ReactNode;
}

/**
 * A modal dialog (Radix: focus trapped inside, Escape closes it, focus goes back where it was). It is
 * open while mounted, so import it only from modules that load on demand: Radix stays off the first load.
 */
export function Modal({ title, onClose, titleEnd, width = "28rem", onKeyDown, children }: ModalProps) {
  // Opened without a Radix trigger: focus returns to what had it when the modal opened.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlay} />
        <Dialog.Content
          aria-describedby={undefined}
          onKeyDown={onKeyDown}
          // Escape closes only the dialog: not the phone's sidebar, nor the reply being written.
          onEscapeKeyDown={(event) => event.stopPropagation()}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener?.isConnected) opener.focus();
          }}
          style={{ width: `min(${width}, calc(100vw - 2rem))` }}
          className={`${dialogBox} max-h-[calc(100dvh-2rem)] overflow-y-auto`}
        >
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
            {titleEnd}
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
