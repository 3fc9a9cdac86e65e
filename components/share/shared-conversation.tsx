import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/chat/markdown";
import { sharedImagePath } from "@/lib/share/paths";
import { type SharedBlock, type SharedMessage, visibleBlocks } from "@/lib/share/snapshot";

function imageSrc(token: string, block: SharedBlock): string | null {
  if (block.type !== "image") return null;
  if (block.attachmentId) return sharedImagePath(token, block.attachmentId);
  return block.url ?? null;
}

function SharedImages({ token, blocks, alt }: { token: string; blocks: SharedBlock[]; alt: string }) {
  const sources = [...new Set(blocks.map((block) => imageSrc(token, block)))].flatMap((src) =>
    src ? [src] : [],
  );
  if (sources.length === 0) return null;
  return (
    <div className="flex max-w-[85%] flex-wrap justify-end gap-2">
      {sources.map((src) => (
        // biome-ignore lint/performance/noImgElement: next/image would make our server fetch user-supplied URLs
        <img
          key={src}
          src={src}
          alt={alt}
          referrerPolicy="no-referrer"
          loading="lazy"
          className="h-48 w-48 rounded-lg border border-zinc-200 object-cover dark:border-zinc-700"
        />
      ))}
    </div>
  );
}

function textOf(blocks: SharedBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === "text" ? [block.text] : []));
}

/** A shared branch, read-only: user turns as plain text, replies through the chat's safe Markdown renderer. */
export async function SharedConversation({
  token,
  title,
  sharedAt,
  includeImages,
  messages,
}: {
  token: string;
  title: string;
  sharedAt: Date;
  includeImages: boolean;
  messages: SharedMessage[];
}) {
  const [t, format] = await Promise.all([getTranslations("share.page"), getFormatter()]);
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6">
      <header className="border-b border-zinc-200 pb-4 dark:border-zinc-800">
        <h1 className="break-words text-2xl font-semibold">{title}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {t("readOnly", { date: format.dateTime(sharedAt, { dateStyle: "medium" }) })}
        </p>
      </header>
      {messages.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>}
      {messages.map((message, index) => {
        const blocks = visibleBlocks(message, includeImages);
        const isAssistant = message.role === "assistant";
        return (
          <article
            // The snapshot never changes: its order is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            data-message-role={message.role}
            className={isAssistant ? "flex flex-col gap-1" : "flex flex-col items-end gap-1"}
          >
            <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              {isAssistant ? t("assistant") : t("user")}
            </span>
            {isAssistant ? (
              <div className="w-full min-w-0">
                {textOf(blocks).map((text, block) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                  <div key={block} data-block-type="text">
                    <Markdown text={text} streaming={false} />
                  </div>
                ))}
              </div>
            ) : (
              <>
                <SharedImages token={token} blocks={blocks} alt={t("imageAlt")} />
                {textOf(blocks).map((text, block) => (
                  <div
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                    key={block}
                    className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800"
                  >
                    {text}
                  </div>
                ))}
              </>
            )}
          </article>
        );
      })}
    </main>
  );
}
