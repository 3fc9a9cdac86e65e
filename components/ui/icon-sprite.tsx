import {
  ArrowLeft,
  Check,
  ChevronLeft,
  ChevronRight,
  Copy,
  Download,
  Ellipsis,
  FileCode,
  type LucideIcon,
  Menu,
  PanelLeftClose,
  PanelLeftOpen,
  Pencil,
  Plus,
  RefreshCw,
  RotateCcw,
  ScrollText,
  Share,
  SquarePen,
  X,
} from "lucide-react";
import type { SpriteName } from "./sprite-icon";

const ICONS: Record<SpriteName, LucideIcon> = {
  "arrow-left": ArrowLeft,
  check: Check,
  "chevron-left": ChevronLeft,
  "chevron-right": ChevronRight,
  copy: Copy,
  download: Download,
  ellipsis: Ellipsis,
  "file-code": FileCode,
  menu: Menu,
  "panel-left-close": PanelLeftClose,
  "panel-left-open": PanelLeftOpen,
  pencil: Pencil,
  plus: Plus,
  "refresh-cw": RefreshCw,
  "rotate-ccw": RotateCcw,
  "scroll-text": ScrollText,
  share: Share,
  "square-pen": SquarePen,
  x: X,
};

/** The sprite behind `spriteIcon` (a server component: the drawings arrive as HTML, not as code). */
export function IconSprite() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute overflow-hidden">
      {Object.entries(ICONS).map(([name, Icon]) => (
        <symbol key={name} id={`icon-${name}`} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}
