import { getTranslations } from "next-intl/server";
import { UserRow, type UserRowData } from "./user-row";

export async function UsersTable({ users, selfId }: { users: UserRowData[]; selfId: string }) {
  const t = await getTranslations("admin");
  const heads = [
    t("email"),
    t("role"),
    t("created"),
    t("lastActive"),
    t("monthToDate"),
    t("budget"),
    t("status"),
    t("userActions"),
  ];
  return (
    <section aria-labelledby="admin-users" className="flex flex-col gap-2">
      <h2 id="admin-users" className="text-lg font-semibold">
        {t("users")}
      </h2>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("budgetHint")}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-xs text-zinc-500 dark:text-zinc-400">
              {heads.map((head, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <th key={index} className="px-2 py-1 font-medium">
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === selfId} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
