import type { LucideIcon } from "lucide-react";
import type { ButtonHTMLAttributes, Ref } from "react";
import type { SpriteIconComponent } from "./sprite-icon";

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "aria-label" | "children"> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: LucideIcon | SpriteIconComponent;
  /** Where the tooltip sits; "top" by default. */
  tooltip?: "top" | "bottom" | "none";
  ref?: Ref<HTMLButtonElement>;
}

/** A square button showing only an icon; its name is read out and shown as a tooltip on hover and focus. */
export function IconButton({
  label,
  icon: Icon,
  tooltip = "top",
  className = "",
  ref,
  ...props
}: IconButtonProps) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      data-tooltip={tooltip === "none" ? undefined : label}
      data-tooltip-side={tooltip === "bottom" ? "bottom" : undefined}
      className={`inline-flex size-8 shrink-0 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-40 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50 ${className}`}
      {...props}
    >
      <Icon aria-hidden="true" className="size-4" strokeWidth={2} />
    </button>
  );
}
