"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, useState } from "react";
import { defaultComponents, type ExtraProps } from "streamdown";

type CodeProps = ComponentProps<"code"> & ExtraProps;

/**
 * Streamdown's code, with a "Wrap lines" toggle on code blocks (long lines scroll sideways until it
 * is pressed). Streamdown marks a fenced block's code with data-block; inline code and Mermaid
 * diagrams render as they are.
 */
export function CodeWithWrapToggle(props: CodeProps) {
  const Code = defaultComponents.code;
  if (!("data-block" in props) || /\blanguage-mermaid\b/.test(props.className ?? ""))
    return <Code {...props} />;
  return (
    <WrapFrame>
      <Code {...props} />
    </WrapFrame>
  );
}

function WrapFrame({ children }: { children: React.ReactNode }) {
  const t = useTranslations("chat");
  const [wrapped, setWrapped] = useState(false);
  return (
    <div className="code-frame relative" data-code-wrap={wrapped}>
      {children}
      <button
        type="button"
        aria-pressed={wrapped}
        onClick={() => setWrapped((on) => !on)}
        className="absolute top-3 right-14 z-10 rounded-md border border-zinc-300 bg-white/80 px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100 aria-pressed:bg-zinc-200 dark:border-zinc-700 dark:bg-zinc-900/80 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-700"
      >
        {t("wrapLines")}
      </button>
    </div>
  );
}
