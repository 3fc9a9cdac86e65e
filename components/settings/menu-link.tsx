"use client";

import Link from "next/link";

/** A link in the account menu that closes the menu (a native <details>) as it navigates. */
export function MenuLink({ href, label }: { href: string; label: string }) {
  return (
    <Link
      href={href}
      onClick={(event) => event.currentTarget.closest("details")?.removeAttribute("open")}
      className="block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
    >
      {label}
    </Link>
  );
}
