// A batch template: `{{text}}` is the chosen column of the item; `{{name}}` any other column by name.
// Placeholders naming no column stay as written.

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
export const MAX_TEMPLATE_CHARS = 20_000;

export function renderTemplate(template: string, row: Record<string, string>, textColumn: string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === "text") return row[textColumn] ?? "";
    return Object.hasOwn(row, name) ? (row[name] ?? "") : whole;
  });
}

/** A template without a placeholder still works: the item follows it on a new line. */
export function effectiveTemplate(template: string): string {
  return /\{\{\s*[^{}]+?\s*\}\}/.test(template) ? template : `${template}\n\n{{text}}`.trimStart();
}
