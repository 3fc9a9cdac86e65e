// The sign-in pages are HTML written as text: every value put into them is escaped, and the page
// a person returns to after signing in is always one of this app's.
import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "@/app/(auth)/html";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("html", () => {
  it("escapes interpolated text, in content and in attributes", () => {
    const email = `"><script>alert('x')</script>&`;
    expect(html`<input value="${email}"><p>${email}</p>`.text).toBe(
      '<input value="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"><p>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
  });

  it("keeps nested html as written, and leaves out false, null and undefined", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}${false}${null}${undefined}${[inner, "&"]}${0}</p>`.text).toBe(
      "<p><b>&lt;i&gt;</b><b>&lt;i&gt;</b>&amp;0</p>",
    );
  });

  it("escapes the five characters that can end a text or an attribute", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
    expect(escapeHtml("日本語 plain")).toBe("日本語 plain");
  });
});

describe("safeCallbackUrl", () => {
  it("keeps a path of this app, with its query", () => {
    expect(safeCallbackUrl("/c/abc")).toBe("/c/abc");
    expect(safeCallbackUrl("/usage?range=30d")).toBe("/usage?range=30d");
  });

  it("turns another site's address, or anything odd, into /", () => {
    for (const value of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "/\\/evil.example",
      "javascript:alert(1)",
      "c/abc",
      "/ evil",
      "/a\tb",
      `/${"a".repeat(2_001)}`,
      "",
      null,
      undefined,
    ])
      expect(safeCallbackUrl(value)).toBe("/");
  });
});
