// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toolList } from "@/components/settings/connectors-api";
import { ConnectorsSection } from "@/components/settings/connectors-section";
import type { ConnectorView } from "@/lib/connectors/schema";
import { loadMessages } from "@/lib/i18n/catalogue";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wiki: ConnectorView = {
  id: "con_1",
  name: "wiki",
  url: "https://mcp.example/wiki",
  hasToken: true,
  allowedTools: ["lookup", "search"],
};
const docs: ConnectorView = {
  id: "con_2",
  name: "docs",
  url: "https://docs.example/mcp",
  hasToken: false,
  allowedTools: null,
};

function renderSection(initial: ConnectorView[] = [], disabled = false, locale: "en" | "ja" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <ConnectorsSection initial={initial} disabled={disabled} />
    </NextIntlClientProvider>,
  );
}

/** The browser boundary: /api/connectors answers as given. */
function stubFetch(answer: (url: string, init?: RequestInit) => Promise<Response>) {
  const fetch = vi.fn(answer);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const field = (name: string) => screen.getByLabelText<HTMLInputElement>(name, { exact: true });

function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) fireEvent.change(field(label), { target: { value } });
}

describe("Connectors section", () => {
  it("explains connectors and lists the user's, tokens never shown", () => {
    renderSection([wiki, docs]);
    expect(screen.getByRole("heading", { name: "Connectors" })).toBeDefined();
    expect(
      screen.getByText(/Anthropic's API connects to the server itself; this app never does/),
    ).toBeDefined();
    expect(screen.getByText(/Tokens are stored encrypted and are never shown again/)).toBeDefined();
    const rows = screen.getAllByRole("listitem");
    expect(rows.map((row) => row.dataset.connectorName)).toEqual(["wiki", "docs"]);
    expect(within(rows[0]!).getByText("https://mcp.example/wiki")).toBeDefined();
    expect(within(rows[0]!).getByText("Token saved")).toBeDefined();
    expect(within(rows[0]!).getByText("Allowed tools: lookup, search")).toBeDefined();
    expect(within(rows[1]!).queryByText("Token saved")).toBeNull();
    expect(within(rows[1]!).getByText("All of the server's tools are allowed.")).toBeDefined();
    expect(screen.getAllByRole("button", { name: "Delete" })).toHaveLength(2);
  });

  it("reveals the form with its fields from Add connector", () => {
    renderSection();
    expect(screen.getByText("No connectors yet.")).toBeDefined();
    const add = screen.getByRole("button", { name: "Add connector" });
    expect(add.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByLabelText("Name")).toBeNull();
    fireEvent.click(add);
    expect(add.getAttribute("aria-expanded")).toBe("true");
    expect(field("Name")).toBeDefined();
    expect(field("URL")).toBeDefined();
    expect(field("Token").type).toBe("password");
    expect(field("Allowed tools")).toBeDefined();
    expect(
      document.getElementById(field("Allowed tools").getAttribute("aria-describedby")!)?.textContent,
    ).toBe("Optional, tool names separated by commas. Empty: all tools.");
    expect(screen.getByRole("button", { name: "Save" })).toBeDefined();
  });

  it("saves a connector and lists it, clearing the form", async () => {
    const fetch = stubFetch(async () =>
      Response.json({ connector: { ...wiki, allowedTools: ["lookup", "search"] } }, { status: 201 }),
    );
    renderSection();
    fireEvent.click(screen.getByRole("button", { name: "Add connector" }));
    fill({
      Name: " wiki ",
      URL: "https://mcp.example/wiki",
      Token: "secret",
      "Allowed tools": "lookup, search,,",
    });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(1));
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/connectors");
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({
      name: "wiki",
      url: "https://mcp.example/wiki",
      token: "secret",
      allowedTools: ["lookup", "search"],
    });
    expect(screen.queryByLabelText("Token")).toBeNull(); // the form closed, the token gone from the page
    expect(document.body.innerHTML).not.toContain("secret");
    expect(screen.getByRole("status").textContent).toBe("Connector wiki saved.");
  });

  it("sends no token or tool list when they are left empty", async () => {
    const fetch = stubFetch(async () => Response.json({ connector: docs }, { status: 201 }));
    renderSection();
    fireEvent.click(screen.getByRole("button", { name: "Add connector" }));
    fill({ Name: "docs", URL: "https://docs.example/mcp" });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({
      name: "docs",
      url: "https://docs.example/mcp",
    });
  });

  it("shows the server's issues beside their fields and keeps what was typed", async () => {
    stubFetch(async () =>
      Response.json(
        {
          error: {
            code: "bad_request:input",
            message: "url: must start with https://",
            issues: [
              { path: "url", message: "must start with https://" },
              { path: "allowedTools.1", message: "Too small" },
            ],
          },
        },
        { status: 400 },
      ),
    );
    renderSection();
    fireEvent.click(screen.getByRole("button", { name: "Add connector" }));
    fill({ Name: "wiki", URL: "http://mcp.example/wiki", Token: "t", "Allowed tools": "a, b" });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByRole("alert");
    expect(alert.dataset.errorCode).toBe("bad_request:input");
    expect(alert.textContent).toBe("The connector was not saved. Check the fields marked below.");
    expect(field("URL").value).toBe("http://mcp.example/wiki");
    expect(field("Name").value).toBe("wiki");
    expect(field("Token").value).toBe("t");
    expect(field("URL").getAttribute("aria-invalid")).toBe("true");
    const described = field("URL")
      .getAttribute("aria-describedby")!
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain("must start with https://");
    expect(screen.getAllByText("must start with https://")).toHaveLength(1);
    expect(field("Allowed tools").getAttribute("aria-invalid")).toBe("true");
    expect(field("Name").hasAttribute("aria-invalid")).toBe(false);
  });

  it("names a clash once, marking the Name field", async () => {
    stubFetch(async () =>
      Response.json(
        { error: { code: "conflict:connector", message: "You already have a connector named wiki." } },
        { status: 409 },
      ),
    );
    renderSection([wiki]);
    fireEvent.click(screen.getByRole("button", { name: "Add connector" }));
    fill({ Name: "wiki", URL: "https://mcp.example/other" });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByRole("alert");
    expect(alert.dataset.errorCode).toBe("conflict:connector");
    expect(screen.getAllByText("You already have a connector named wiki.")).toHaveLength(1);
    expect(field("Name").getAttribute("aria-invalid")).toBe("true");
    expect(field("Name").getAttribute("aria-describedby")).toContain(alert.id);
  });

  it("translates the server's field messages in Japanese", async () => {
    stubFetch(async () =>
      Response.json(
        {
          error: {
            code: "bad_request:input",
            message: "x",
            issues: [{ path: "url", message: "must start with https://" }],
          },
        },
        { status: 400 },
      ),
    );
    renderSection([], false, "ja");
    fireEvent.click(screen.getByRole("button", { name: "コネクタを追加" }));
    fireEvent.change(screen.getByLabelText("URL"), { target: { value: "http://x" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("https:// で始まる必要があります")).toBeDefined();
  });

  it("says when the server cannot be reached", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    renderSection();
    fireEvent.click(screen.getByRole("button", { name: "Add connector" }));
    fill({ Name: "wiki", URL: "https://mcp.example/wiki" });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).dataset.errorCode).toBe("connection_error");
    expect(field("Name").value).toBe("wiki");
  });

  it("deletes a connector", async () => {
    const fetch = stubFetch(async () => new Response(null, { status: 204 }));
    renderSection([wiki, docs]);
    const row = screen.getAllByRole("listitem")[0]!;
    fireEvent.click(within(row).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(1));
    expect(fetch.mock.calls[0]![0]).toBe("/api/connectors/con_1");
    expect(fetch.mock.calls[0]![1]?.method).toBe("DELETE");
    expect(screen.getAllByRole("listitem")[0]!.dataset.connectorName).toBe("docs");
    expect(screen.getByRole("status").textContent).toBe("Connector wiki deleted.");
  });

  it("keeps the connector and alerts when deleting fails", async () => {
    stubFetch(async () =>
      Response.json({ error: { code: "unavailable:database", message: "down" } }, { status: 503 }),
    );
    renderSection([wiki]);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    const alert = await screen.findByRole("alert");
    expect(alert.dataset.errorCode).toBe("unavailable:database");
    expect(alert.textContent).toBe("Could not delete the connector. Try again.");
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
  });

  it("treats a connector already gone as deleted", async () => {
    stubFetch(async () =>
      Response.json({ error: { code: "not_found:connector", message: "gone" } }, { status: 404 }),
    );
    renderSection([wiki]);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryAllByRole("listitem")).toHaveLength(0));
  });

  it("shows a note instead of the form when the admin turned connectors off", () => {
    renderSection([wiki], true);
    expect(screen.queryByRole("button", { name: "Add connector" })).toBeNull();
    expect(screen.getByText("Connectors are turned off on this server by its administrator.")).toBeDefined();
    expect(screen.getByRole("button", { name: "Delete" })).toBeDefined();
  });

  it("reads a comma-separated tool list", () => {
    expect(toolList(" a, b ,,\nc ")).toEqual(["a", "b", "c"]);
    expect(toolList("  ")).toEqual([]);
  });
});
