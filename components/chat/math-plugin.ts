// The math plugin with KaTeX's stylesheet and fonts, which ship in the npm package (nothing is
// fetched from elsewhere at run time). Loaded only by ./optional-plugins.
import "katex/dist/katex.min.css";

export { math } from "@streamdown/math";
