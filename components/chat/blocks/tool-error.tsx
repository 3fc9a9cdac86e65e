"use client";

import { useTranslations } from "next-intl";

/** Which tool failed: some codes read differently per tool (a search limit, a fetch limit). */
export type ToolFamily = "web_search" | "web_fetch" | "code_execution";

/** A server tool's error code in plain words; a code this app does not know is shown as it is. */
export function ToolErrorNote({
  code,
  family,
  detail,
}: {
  code: string;
  family: ToolFamily;
  /** The API's own explanation, where it gives one (the file editor does). */
  detail?: string | null;
}) {
  const t = useTranslations("chat.blocks.toolErrors");
  const specific = `${family}.${code}`;
  let words = t("unknown", { code });
  if (t.has(specific)) words = t(specific);
  else if (t.has(`common.${code}`)) words = t(`common.${code}`);
  return (
    <div className="text-red-700 dark:text-red-400">
      <p data-tool-error-code={code}>{words}</p>
      {detail && <p className="whitespace-pre-wrap break-words text-xs">{detail}</p>}
    </div>
  );
}
