import { spriteIcon } from "./sprite-icon";

/** The first-load icons, by lucide's names (drawn by components/ui/icon-sprite.tsx). */
export const ArrowLeftIcon = spriteIcon("arrow-left");
export const CheckIcon = spriteIcon("check");
export const ChevronLeftIcon = spriteIcon("chevron-left");
export const ChevronRightIcon = spriteIcon("chevron-right");
export const CopyIcon = spriteIcon("copy");
export const DownloadIcon = spriteIcon("download");
export const EllipsisIcon = spriteIcon("ellipsis");
export const FileCodeIcon = spriteIcon("file-code");
export const MenuIcon = spriteIcon("menu");
export const PanelLeftCloseIcon = spriteIcon("panel-left-close");
export const PanelLeftOpenIcon = spriteIcon("panel-left-open");
export const PencilIcon = spriteIcon("pencil");
export const PlusIcon = spriteIcon("plus");
export const RefreshIcon = spriteIcon("refresh-cw");
export const RotateCcwIcon = spriteIcon("rotate-ccw");
export const ScrollTextIcon = spriteIcon("scroll-text");
export const ShareIcon = spriteIcon("share");
export const SquarePenIcon = spriteIcon("square-pen");
export const XIcon = spriteIcon("x");
