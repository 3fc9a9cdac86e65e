import type { SVGProps } from "react";

/** The signed-in pages' icons: symbols of one sprite (./icon-sprite.tsx) that the server draws. */
export type SpriteName =
  | "arrow-left"
  | "chart-column"
  | "check"
  | "chevron-left"
  | "chevron-right"
  | "copy"
  | "download"
  | "ellipsis"
  | "file-code"
  | "file-json"
  | "file-text"
  | "keyboard"
  | "layers"
  | "link"
  | "log-out"
  | "menu"
  | "panel-left-close"
  | "panel-left-open"
  | "pencil"
  | "plus"
  | "refresh-cw"
  | "rotate-ccw"
  | "scroll-text"
  | "settings"
  | "share"
  | "shield-check"
  | "square-pen"
  | "sun-moon"
  | "trash"
  | "x";

export type SpriteIconComponent = (
  props: SVGProps<SVGSVGElement> & { strokeWidth?: number },
) => React.JSX.Element;

/**
 * An icon that points at the page's sprite instead of carrying its drawing: lucide's icons are drawn
 * once by the server (IconSprite), so no icon code rides on the first load. Same props as a lucide icon.
 */
export function spriteIcon(name: SpriteName): SpriteIconComponent {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per icon at module level, never while rendering
  return function SpriteIcon({ strokeWidth: _strokeWidth, ...props }) {
    return (
      // Always decorative: the button or link around it carries the name.
      <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" {...props}>
        <use href={`#icon-${name}`} />
      </svg>
    );
  };
}
