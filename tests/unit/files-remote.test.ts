// Attachments in the Files API (lib/files/remote.ts): the first send starts the upload and goes
// inline, a later one uses the stored id; an endpoint without the Files API is asked once, then
// everything goes inline; remote deletes are retried and never throw.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AttachmentData } from "@/lib/db/attachments";
import { type DoubleHandle, startDouble } from "../double/server";

const config = {
  demoMode: false,
  provider: { name: "anthropic" },
  ANTHROPIC_BASE_URL: "",
  LOG_LEVEL: "silent",
};
let client: Anthropic;
const stored = new Map<string, string>();

vi.mock("@/lib/env", () => ({ env: () => config }));
vi.mock("@/lib/model/client", () => ({ anthropic: () => client }));
vi.mock("@/lib/db/attachments", () => ({
  setRemoteFileId: async (_userId: string, id: string, fileId: string, previous: string | null) => {
    if ((stored.get(id) ?? null) !== previous) return false;
    stored.set(id, fileId);
    return true;
  },
}));

const { deleteRemoteFiles, filesApiUsable, remoteFileIds, storedFileId } = await import("@/lib/files/remote");

const file = (id: string, remoteFileId: string | null = null): AttachmentData => ({
  id,
  mediaType: "text/plain",
  bytes: new Uint8Array(Buffer.from(`contents of ${id}`)),
  name: `${id}.txt`,
  remoteFileId,
});

let double: DoubleHandle;
let gateway: Server;
let gatewayUrl = "";
let gatewayCalls = 0;

beforeAll(async () => {
  double = await startDouble();
  gateway = createServer((_req, res) => {
    gatewayCalls++;
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"no such route"}');
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await double.close();
  await new Promise((resolve) => gateway.close(resolve));
});
beforeEach(() => stored.clear());

const use = (url: string) => {
  config.ANTHROPIC_BASE_URL = url;
  client = new Anthropic({ apiKey: "test", baseURL: url, maxRetries: 0 });
};

describe("remoteFileIds", () => {
  it("starts the upload at the first send (inline then), and a send meanwhile waits for it", async () => {
    use(double.url);
    const first = await remoteFileIds("u1", [file("a1")]);
    expect(first.size).toBe(0);
    const second = await remoteFileIds("u1", [file("a1")]);
    expect(second.get("a1")).toMatch(/^file_double_/);
    expect(stored.get("a1")).toBe(storedFileId(String(second.get("a1"))));
    expect(double.requests.filter((r) => r.path === "/v1/files")).toHaveLength(1);
    const known = String(second.get("a1"));
    expect((await remoteFileIds("u1", [file("a1b", storedFileId(known))])).get("a1b")).toBe(known);
  });

  it("uploads again a stored file the Files API no longer has", async () => {
    use(double.url);
    double.reset();
    const stale = storedFileId("file_deleted_meanwhile");
    stored.set("a4", stale);
    expect((await remoteFileIds("u1", [file("a4", stale)])).size).toBe(0);
    await vi.waitFor(() => expect(stored.get("a4")).toMatch(/:file_double_/));
  });

  it("uploads again a file that another endpoint or API key holds", async () => {
    use(double.url);
    double.reset();
    stored.set("a3", "0123456789ab:file_elsewhere");
    expect((await remoteFileIds("u1", [file("a3", "0123456789ab:file_elsewhere")])).size).toBe(0);
    await vi.waitFor(() => expect(stored.get("a3")).toMatch(/:file_double_/));
    expect(stored.get("a3")).not.toContain("0123456789ab");
  });

  it("does not upload while counting", async () => {
    use(double.url);
    double.reset();
    await remoteFileIds("u1", [file("a2")], { upload: false });
    expect(double.requests).toHaveLength(0);
    await remoteFileIds("u1", [file("a2")]);
    await vi.waitFor(() => expect(stored.has("a2")).toBe(true));
    expect(double.requests.filter((r) => r.path === "/v1/files")).toHaveLength(1);
  });

  it("asks an endpoint without the Files API once, then sends everything inline", async () => {
    use(gatewayUrl);
    await remoteFileIds("u1", [file("b1")]);
    await vi.waitFor(() => expect(filesApiUsable()).toBe(false));
    expect((await remoteFileIds("u1", [file("b2"), file("b3", "file_old")])).size).toBe(0);
    expect(gatewayCalls).toBe(1);
  });

  it("never uploads in demo mode", async () => {
    use(double.url);
    config.demoMode = true;
    double.reset();
    expect((await remoteFileIds("u1", [file("c1")])).size).toBe(0);
    expect(double.requests).toHaveLength(0);
    config.demoMode = false;
  });
});

describe("deleteRemoteFiles", () => {
  it("deletes in the background and tolerates files already gone", async () => {
    use(double.url);
    await remoteFileIds("u1", [file("d1")]);
    const [fileId] = [...(await remoteFileIds("u1", [file("d1")])).values()];
    const gone = [storedFileId(String(fileId)), storedFileId("file_missing"), "0123456789ab:file_elsewhere"];
    expect(() => deleteRemoteFiles(gone)).not.toThrow();
    await vi.waitFor(async () => {
      expect((await fetch(`${double.url}/v1/files/${fileId}`)).status).toBe(404);
    });
  });
});
