import Link from "next/link";
import { getTranslations } from "next-intl/server";

interface ConversationLink {
  id: string;
  title: string;
}

export async function ConversationList({ conversations }: { conversations: ConversationLink[] }) {
  const t = await getTranslations("nav");
  return (
    <nav aria-label={t("conversations")} className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-2">
      <Link
        href="/"
        className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t("newChat")}
      </Link>
      {conversations.length === 0 ? (
        <p className="px-3 py-2 text-sm text-zinc-500">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link
                href={`/c/${conversation.id}`}
                className="block truncate rounded-md px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                {conversation.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
