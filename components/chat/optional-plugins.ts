// Math (KaTeX) and Mermaid diagrams are large and most replies have neither: each loads the first
// time a reply contains its syntax, and the reply re-renders with it once it has loaded.
import type { MathPlugin } from "@streamdown/math";
import type { DiagramPlugin } from "@streamdown/mermaid";
import { useEffect, useReducer } from "react";

/** `$$…$$` (block or inline; single dollars stay text, as prices do) and LaTeX's \(…\) and \[…\]. */
const MATH = /\$\$|\\\(|\\\[/;
const MERMAID = /```mermaid/;

const loaded: { math?: MathPlugin; mermaid?: DiagramPlugin } = {};
const loading: { math?: Promise<unknown>; mermaid?: Promise<unknown> } = {};

function load(name: "math" | "mermaid"): Promise<unknown> {
  loading[name] ??= (
    name === "math"
      ? import("./math-plugin").then((module) => {
          loaded.math = module.math;
        })
      : import("@streamdown/mermaid").then((module) => {
          loaded.mermaid = module.mermaid;
        })
  ).catch(() => {
    delete loading[name]; // a failed chunk load is tried again by the next reply that needs it
  });
  return loading[name];
}

export interface OptionalPlugins {
  math?: MathPlugin;
  mermaid?: DiagramPlugin;
}

/** The optional plugins `text` needs that have loaded; starts loading the others. */
export function useOptionalPlugins(text: string): OptionalPlugins {
  const needsMath = MATH.test(text);
  const needsMermaid = MERMAID.test(text);
  const [, loadedOne] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    let live = true;
    const wanted: ("math" | "mermaid")[] = [];
    if (needsMath && !loaded.math) wanted.push("math");
    if (needsMermaid && !loaded.mermaid) wanted.push("mermaid");
    for (const name of wanted) void load(name).then(() => live && loadedOne());
    return () => {
      live = false;
    };
  }, [needsMath, needsMermaid]);
  return {
    math: needsMath ? loaded.math : undefined,
    mermaid: needsMermaid ? loaded.mermaid : undefined,
  };
}
