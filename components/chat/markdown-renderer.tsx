"use client";

import { code } from "@streamdown/code";
import { useTranslations } from "next-intl";
import { type ComponentProps, Fragment, memo, useMemo } from "react";
import {
  type ControlsConfig,
  defaultComponents,
  defaultRehypePlugins,
  type ExtraProps,
  Streamdown,
} from "streamdown";
import { CodeWithWrapToggle } from "./code-wrap";
import { useOptionalPlugins } from "./optional-plugins";
import { useStreamedSegments } from "./streamed-segments";

type PluginList = NonNullable<ComponentProps<typeof Streamdown>["rehypePlugins"]>;
type Plugin = Extract<PluginList[number], (...args: never) => unknown>;

// Streamdown's defaults are rehype-raw → sanitize → harden, with harden allowing every URL. Without
// rehype-raw Streamdown turns raw HTML into literal text, so neither model nor user text becomes markup.
// Harden runs first with narrower options (it still sees the blocked URL, for its tooltip): links keep
// only safe protocols (javascript:, data:, file:, vbscript: are always blocked), data: images are refused,
// and "streamdown:" is Streamdown's own placeholder for a link or image still being streamed. Sanitize
// runs last so whatever harden emits is checked too.
const [harden] = defaultRehypePlugins.harden as [Plugin, unknown];
const rehypePlugins: PluginList = [
  [
    harden,
    {
      allowedLinkPrefixes: ["*"],
      allowedImagePrefixes: ["*"],
      allowedProtocols: ["streamdown:"],
      allowDataImages: false,
    },
  ],
  defaultRehypePlugins.sanitize!,
];

const controls: ControlsConfig = {
  code: { copy: true, download: false },
  table: false,
  mermaid: false,
  image: false,
};

/** Markdown images are never fetched on their own: they become a link the reader may choose to open. */
function ImageLink({ src, alt }: ComponentProps<"img"> & ExtraProps) {
  const label = alt || (typeof src === "string" ? src : "");
  if (typeof src !== "string" || src === "" || src.startsWith("streamdown:")) {
    return label ? <span>{label}</span> : null;
  }
  const Link = defaultComponents.a;
  return <Link href={src}>{label}</Link>;
}

const components = { img: ImageLink, code: CodeWithWrapToggle };
// Shiki grammars ship inside the npm package and load on demand: nothing is fetched at run time.

interface RendererProps {
  text: string;
  streaming: boolean;
  translations: { copyCode: string; copied: string };
}

function Rendered({ text, streaming, translations }: RendererProps) {
  const { math, mermaid } = useOptionalPlugins(text);
  const plugins = useMemo(() => ({ code, math, mermaid }), [math, mermaid]);
  return (
    <Streamdown
      mode={streaming ? "streaming" : "static"}
      isAnimating={streaming}
      rehypePlugins={rehypePlugins}
      components={components}
      controls={controls}
      plugins={plugins}
      translations={translations}
      className="reply-markdown min-w-0 break-words"
    >
      {text}
    </Streamdown>
  );
}

/** A finished block of a streamed reply: rendered once. */
const FrozenBlock = memo(function FrozenBlock({ text, translations }: Omit<RendererProps, "streaming">) {
  return <Rendered text={text} streaming={false} translations={translations} />;
});

export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  const t = useTranslations("chat");
  const translations = useMemo(() => ({ copyCode: t("copyCode"), copied: t("copied") }), [t]);
  const segments = useStreamedSegments(text, streaming);
  if (!segments || segments.frozen.length === 0) {
    return <Rendered text={text} streaming={streaming} translations={translations} />;
  }
  return (
    <div className="reply-segments space-y-4">
      {segments.frozen.map((block, index) => (
        // Frozen blocks only ever append: the index is their identity. The newline between blocks is
        // the one Streamdown puts between blocks of one piece, so the text reads the same either way.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={index}>
          <FrozenBlock text={block} translations={translations} />
          {"\n"}
        </Fragment>
      ))}
      <Rendered text={segments.tail} streaming={streaming} translations={translations} />
    </div>
  );
}
