// Real route handlers behind the route wrapper, with only the session mocked: who is asking is
// checked before the body is read, bodies are read no further than their cap, cross-site writes
// and non-JSON bodies are refused, and every request gets an id and one log line.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/export/schema";

const { session, logLines } = vi.hoisted(() => ({
  session: { userId: null as string | null },
  logLines: [] as string[],
}));

vi.mock("@/lib/auth", async () => {
  const { noteRequestUser } = await import("@/lib/request-context");
  return {
    requireUserId: vi.fn(async () => {
      if (!session.userId) throw new AppError("unauthorized:auth", "Sign in to continue.");
      noteRequestUser(session.userId);
      return session.userId;
    }),
  };
});

vi.mock("@/lib/log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/log")>();
  return { ...actual, logger: actual.createLogger("info", { write: (line: string) => logLines.push(line) }) };
});

const { requireUserId } = await import("@/lib/auth");
const settings = await import("@/app/(chat)/api/settings/route");
const chat = await import("@/app/(chat)/api/chat/route");
const importRoute = await import("@/app/(chat)/api/import/route");
const presets = await import("@/app/(chat)/api/presets/route");
const share = await import("@/app/(chat)/api/conversations/[id]/share/route");
const shares = await import("@/app/(chat)/api/shares/[id]/route");

const APP = "http://127.0.0.1:3000";
const MB = 1024 * 1024;

/** A body of `size` bytes produced only as the reader pulls, counting what was pulled. */
function countingBody(size: number) {
  const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= size) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

function request(path: string, init: { method: string; headers?: Record<string, string>; body?: BodyInit }) {
  return new NextRequest(`${APP}${path}`, {
    ...init,
    headers: { host: "127.0.0.1:3000", ...init.headers },
    // Node needs this to send a stream as a request body.
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
}

const noContext = { params: Promise.resolve({}) };

async function errorCode(response: Response) {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

beforeEach(() => {
  session.userId = null;
  logLines.length = 0;
  vi.mocked(requireUserId).mockClear();
});

describe("bodies are read after sign-in is checked, and only up to their cap", () => {
  const json = { "content-type": "application/json" };

  it("refuses a signed-out 50 MB PATCH /api/settings without reading any of it", async () => {
    const body = countingBody(50 * MB);
    const response = await settings.PATCH(
      request("/api/settings", { method: "PATCH", headers: json, body: body.stream }),
      noContext,
    );
    expect(response.status).toBe(401);
    expect(body.pulled()).toBe(0);
  });

  it("stops reading a signed-in 50 MB body once it passes 1 MB", async () => {
    session.userId = "user-1";
    const body = countingBody(50 * MB);
    const response = await settings.PATCH(
      request("/api/settings", { method: "PATCH", headers: json, body: body.stream }),
      noContext,
    );
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe("payload_too_large:input");
    expect(body.pulled()).toBeGreaterThan(0);
    expect(body.pulled()).toBeLessThanOrEqual(1 * MB + 64 * 1024);
  });

  it("believes a Content-Length over the cap without reading", async () => {
    session.userId = "user-1";
    const body = countingBody(50 * MB);
    const response = await presets.POST(
      request("/api/presets", {
        method: "POST",
        headers: { ...json, "content-length": String(50 * MB) },
        body: body.stream,
      }),
      noContext,
    );
    expect(response.status).toBe(413);
    expect(body.pulled()).toBe(0);
  });

  it("applies the import route's own cap the same way", async () => {
    const signedOut = countingBody(50 * MB);
    const refused = await importRoute.POST(
      request("/api/import", { method: "POST", headers: json, body: signedOut.stream }),
      noContext,
    );
    expect(refused.status).toBe(401);
    expect(signedOut.pulled()).toBe(0);

    session.userId = "user-1";
    const signedIn = countingBody(50 * MB);
    const tooLarge = await importRoute.POST(
      request("/api/import", { method: "POST", headers: json, body: signedIn.stream }),
      noContext,
    );
    expect(tooLarge.status).toBe(413);
    expect(signedIn.pulled()).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 64 * 1024);
  });

  it("answers a signed-out request with a malformed body 401, not 400", async () => {
    const response = await chat.POST(
      request("/api/chat", { method: "POST", headers: json, body: "{not json" }),
      noContext,
    );
    expect(response.status).toBe(401);
  });
});

describe("cross-site requests", () => {
  const message = JSON.stringify({ kind: "send", text: "hello", model: "claude-sonnet-4-6" });

  it("refuses a write whose Origin is another site, before anything else runs", async () => {
    session.userId = "user-1";
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "null"]) {
      const body = countingBody(1024);
      const response = await chat.POST(
        request("/api/chat", {
          method: "POST",
          headers: { origin, "content-type": "text/plain" },
          body: body.stream,
        }),
        noContext,
      );
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe("forbidden:origin");
      expect(body.pulled()).toBe(0);
    }
    expect(requireUserId).not.toHaveBeenCalled();
  });

  it("refuses a text/plain or form body on a JSON route with 415", async () => {
    session.userId = "user-1";
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await chat.POST(
        request("/api/chat", {
          method: "POST",
          headers: { origin: APP, "content-type": type },
          body: message,
        }),
        noContext,
      );
      expect(response.status).toBe(415);
      expect(await errorCode(response)).toBe("unsupported_media_type:body");
    }
    const none = await settings.PATCH(request("/api/settings", { method: "PATCH", body: "{}" }), noContext);
    expect(none.status).toBe(415);
  });

  it("lets the app's own origin through, and a request without Origin (not from a browser page)", async () => {
    session.userId = "user-1";
    for (const headers of [{ origin: APP }, {}] as Record<string, string>[]) {
      const response = await settings.PATCH(
        request("/api/settings", {
          method: "PATCH",
          headers: { ...headers, "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify({ promptCaching: "yes" }),
        }),
        noContext,
      );
      // Past the guards: refused by the schema.
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe("bad_request:input");
    }
  });

  it("lets reads from another origin through (a browser does not show them to that site)", async () => {
    const response = await presets.GET(
      request("/api/presets", { method: "GET", headers: { origin: "https://evil.example" } }),
      noContext,
    );
    expect(response.status).toBe(401);
  });
});

describe("share links", () => {
  const context = { params: Promise.resolve({ id: "conversation-1" }) };

  it("refuses a signed-out share or revoke before reading anything", async () => {
    const body = countingBody(5 * MB);
    const shared = await share.POST(
      request("/api/conversations/conversation-1/share", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: body.stream,
      }),
      context,
    );
    expect(shared.status).toBe(401);
    expect(body.pulled()).toBe(0);
    const revoked = await shares.DELETE(request("/api/shares/share-1", { method: "DELETE" }), context);
    expect(revoked.status).toBe(401);
  });

  it("refuses another site's page making or revoking a link for a signed-in user", async () => {
    session.userId = "user-1";
    const headers = { origin: "https://evil.example", "content-type": "application/json" };
    const shared = await share.POST(
      request("/api/conversations/conversation-1/share", { method: "POST", headers, body: "{}" }),
      context,
    );
    expect(await errorCode(shared)).toBe("forbidden:origin");
    const revoked = await shares.DELETE(
      request("/api/shares/share-1", { method: "DELETE", headers }),
      context,
    );
    expect(await errorCode(revoked)).toBe("forbidden:origin");
    expect(requireUserId).not.toHaveBeenCalled();
  });
});

describe("request ids and log lines", () => {
  it("answers with an x-request-id and logs one line per request with it, never the body", async () => {
    session.userId = "user-42";
    const response = await settings.PATCH(
      request("/api/settings", {
        method: "PATCH",
        headers: { "content-type": "application/json", cookie: "authjs.session-token=secret-cookie" },
        body: JSON.stringify({ promptCaching: "a secret sentence" }),
      }),
      noContext,
    );
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logLines).toHaveLength(1);
    expect(JSON.parse(logLines[0] ?? "")).toMatchObject({
      level: "info",
      msg: "request",
      requestId,
      method: "PATCH",
      path: "/api/settings",
      status: 400,
      userId: "user-42",
      ms: expect.any(Number),
    });
    expect(logLines[0]).not.toContain("a secret sentence");
    expect(logLines[0]).not.toContain("secret-cookie");
  });

  it("logs an unexpected error with its stack and answers 500 without it", async () => {
    session.userId = "user-1";
    vi.mocked(requireUserId).mockRejectedValueOnce(new TypeError("boom with user data"));
    const response = await presets.GET(request("/api/presets", { method: "GET" }), noContext);
    expect(response.status).toBe(500);
    expect(await errorCode(response)).toBe("internal:server");
    const line = JSON.parse(logLines[0] ?? "");
    expect(line).toMatchObject({ level: "error", status: 500, err: { type: "TypeError" } });
    expect(line.err.stack).toMatch(/^TypeError\n\s+at /);
    expect(logLines[0]).not.toContain("boom with user data");
  });
});
