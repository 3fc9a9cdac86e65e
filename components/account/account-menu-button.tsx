"use client";

import { Deferred, deferredLoader } from "@/components/ui/deferred";
import type { AccountMenuProps } from "./account-menu-popover";
import { AccountTrigger } from "./account-trigger";

const popover = deferredLoader(() => import("./account-menu-popover"));

/** The header's account button; the menu (a Radix popover) loads when the person reaches for it. */
export function AccountMenuButton(props: Omit<AccountMenuProps, "defaultOpen">) {
  return (
    <Deferred
      loader={popover}
      standIn={(trigger) => <AccountTrigger email={props.email} {...trigger} />}
      props={(activated) => ({ ...props, defaultOpen: activated })}
    />
  );
}
