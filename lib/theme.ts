// The colour theme a person picked: kept in a cookie so that the server renders the page in it (no
// flash of the other theme, no inline script); "system" follows the device's setting.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export function parseTheme(value: string | undefined): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : "system";
}
