// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import Markdown from "@/components/chat/markdown-renderer";
import { loadMessages } from "@/lib/i18n/catalogue";

const messages = await loadMessages("en");

afterEach(cleanup);

function renderMarkdown(text: string, streaming = false) {
  return render(
    <NextIntlClientProvider locale="en" messages={messages}>
      <Markdown text={text} streaming={streaming} />
    </NextIntlClientProvider>,
  );
}

function expectInert(container: HTMLElement) {
  expect(container.querySelectorAll("script, iframe, img, object, embed, form, style")).toHaveLength(0);
  for (const element of container.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith("on"), `${element.tagName} ${attribute.name}`).toBe(
        false,
      );
      expect(attribute.value.replace(/\s/g, "").toLowerCase()).not.toMatch(/^(javascript|vbscript|data):/);
    }
  }
}

describe("Markdown: untrusted input", () => {
  it.each([
    ["script", "<script>alert(1)</script>"],
    ["inline img", "hello <img src=x onerror=alert(1)> world"],
    ["iframe", '<iframe src="https://evil.example/"></iframe>'],
    ["svg", "<svg onload=alert(1)><circle r=1 /></svg>"],
    ["html link", '<a href="javascript:alert(1)">click</a>'],
    ["style", "<style>body{display:none}</style>"],
  ])("shows raw HTML (%s) as text, never as markup", (_name, text) => {
    const { container } = renderMarkdown(text);
    expectInert(container);
    expect(container.textContent).toBe(text);
  });

  it("does not let an HTML block wrap markdown in live markup", () => {
    const { container } = renderMarkdown("<div onclick=alert(1)>\n\n**bold**\n\n</div>");
    expectInert(container);
    expect(container.firstElementChild!.querySelector("div")).toBeNull();
    expect(container.textContent).toContain("<div onclick=alert(1)>");
  });

  it.each([
    ["markdown link", "[x](javascript:alert(1))"],
    ["mixed case", "[x](JaVaScRiPt:alert(1))"],
    ["entity-encoded", "[x](java&#115;cript:alert(1))"],
    ["reference", "[x][1]\n\n[1]: javascript:alert(1)"],
    ["autolink", "<javascript:alert(1)>"],
    ["data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["vbscript", "[x](vbscript:msgbox(1))"],
    ["file", "[x](file:///etc/passwd)"],
  ])("neutralises a dangerous link (%s)", (_name, text) => {
    const { container } = renderMarkdown(text);
    expectInert(container);
    expect(container.querySelector("[href]")).toBeNull();
    expect(container.querySelector('[data-streamdown="link"]')).toBeNull();
    expect(container.textContent).toContain("[blocked]");
  });

  it("keeps a safe link, opened only after the reader sees its address", () => {
    const { container } = renderMarkdown("[docs](https://example.com/docs)");
    const link = screen.getByRole("button", { name: "docs" });
    expect(container.querySelector("[href]")).toBeNull();
    fireEvent.click(link);
    expect(document.body.textContent).toContain("https://example.com/docs");
  });

  it("turns markdown images into links instead of loading them", () => {
    const { container } = renderMarkdown("![a cat](https://tracker.example/pixel.png)");
    expectInert(container);
    expect(screen.getByRole("button", { name: "a cat" })).toBeDefined();
  });

  it("blocks data: images", () => {
    const { container } = renderMarkdown("![inline](data:image/png;base64,iVBORw0KGgo=)");
    expectInert(container);
    expect(container.textContent).toContain("inline");
    expect(container.querySelector('[data-streamdown="link"]')).toBeNull();
  });
});

describe("Markdown: rendering", () => {
  it("renders a GFM table", () => {
    const { container } = renderMarkdown("| Model | Price |\n| --- | --- |\n| opus | 5 |");
    const table = container.querySelector("table");
    expect(table).not.toBeNull();
    expect(table!.querySelectorAll("th")).toHaveLength(2);
    expect(table!.querySelector("td")!.textContent).toBe("opus");
  });

  it("renders a fenced code block with a copy button", () => {
    const { container } = renderMarkdown(
      'Example:\n\n```ts\nconst greeting = "<b>hi</b>";\nconsole.log(greeting);\n```',
    );
    const pre = container.querySelector("pre");
    expect(pre).not.toBeNull();
    expect(pre!.textContent).toContain('const greeting = "<b>hi</b>";');
    expect(pre!.textContent).toContain("console.log(greeting);");
    expect(pre!.querySelector("b")).toBeNull();
    expect(screen.getByRole("button", { name: "Copy code" })).toBeDefined();
  });

  it("renders Japanese text unchanged", () => {
    const text = "こんにちは、世界！今日は２５℃で晴れ🌸です。";
    const { container } = renderMarkdown(`**注意**: ${text}`);
    expect(container.querySelector("p")!.textContent).toBe(`注意: ${text}`);
  });

  it("renders inline formatting and lists", () => {
    const { container } = renderMarkdown("- one `x`\n- *two*\n\n1. first");
    expect(container.querySelectorAll("ul li")).toHaveLength(2);
    expect(container.querySelector("ol li")!.textContent).toBe("first");
    expect(container.querySelector("code")!.textContent).toBe("x");
  });
});

describe("Markdown: streaming", () => {
  it("renders an unterminated code fence while streaming", () => {
    const { container } = renderMarkdown("Here:\n\n```python\nprint('hi')\nfor i in", true);
    expect(container.querySelector("pre code")!.textContent).toContain("print('hi')");
  });

  it("follows the text as it grows and settles when the stream ends", () => {
    const parts = [
      "# Ti",
      "tle\n\nSome **bo",
      "ld** text\n\n```js\nlet a",
      " = 1;\n```\n\n| a |",
      " b |\n|---|---|\n| 1 | 2 |",
    ];
    let text = "";
    const { container, rerender } = renderMarkdown("", true);
    for (const part of parts) {
      text += part;
      rerender(
        <NextIntlClientProvider locale="en" messages={messages}>
          <Markdown text={text} streaming />
        </NextIntlClientProvider>,
      );
      expectInert(container);
    }
    rerender(
      <NextIntlClientProvider locale="en" messages={messages}>
        <Markdown text={text} streaming={false} />
      </NextIntlClientProvider>,
    );
    expect(container.querySelector("h1")!.textContent).toBe("Title");
    expect(container.querySelector("pre code")!.textContent).toBe("let a = 1;");
    expect(container.querySelector("table")).not.toBeNull();
  });

  it("does not show a half-streamed link target as a blocked link", () => {
    const { container } = renderMarkdown("See [the docs](https://exa", true);
    expect(container.textContent).not.toContain("[blocked]");
    expect(container.textContent).toContain("the docs");
  });
});
