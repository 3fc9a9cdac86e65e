import {
  ArrowLeft,
  Braces,
  ChartColumn,
  Check,
  ChevronLeft,
  ChevronRight,
  Copy,
  Download,
  Ellipsis,
  FileCode,
  FileText,
  Keyboard,
  Layers,
  Link2,
  LogOut,
  type LucideIcon,
  Menu,
  PanelLeftClose,
  PanelLeftOpen,
  Pencil,
  Plus,
  RefreshCw,
  RotateCcw,
  ScrollText,
  Settings,
  Share,
  ShieldCheck,
  SquarePen,
  SunMoon,
  Trash2,
  X,
} from "lucide-react";
import type { SpriteName } from "./sprite-icon";

const ICONS: Record<SpriteName, LucideIcon> = {
  "arrow-left": ArrowLeft,
  "chart-column": ChartColumn,
  check: Check,
  "chevron-left": ChevronLeft,
  "chevron-right": ChevronRight,
  copy: Copy,
  download: Download,
  ellipsis: Ellipsis,
  "file-code": FileCode,
  "file-json": Braces,
  "file-text": FileText,
  keyboard: Keyboard,
  layers: Layers,
  link: Link2,
  "log-out": LogOut,
  menu: Menu,
  "panel-left-close": PanelLeftClose,
  "panel-left-open": PanelLeftOpen,
  pencil: Pencil,
  plus: Plus,
  "refresh-cw": RefreshCw,
  "rotate-ccw": RotateCcw,
  "scroll-text": ScrollText,
  settings: Settings,
  share: Share,
  "shield-check": ShieldCheck,
  "square-pen": SquarePen,
  "sun-moon": SunMoon,
  trash: Trash2,
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
