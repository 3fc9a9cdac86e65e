// components/chat/markdown with its renderer loaded up front: in the app the renderer is a lazily
// loaded chunk, and a unit test that rendered the lazy wrapper would see only its plain-text fallback.
//   vi.mock(import("@/components/chat/markdown"), () => import("../support/markdown-eager"));
import MarkdownRenderer from "@/components/chat/markdown-renderer";

export const Markdown = MarkdownRenderer;
export function preloadMarkdown(): void {}
