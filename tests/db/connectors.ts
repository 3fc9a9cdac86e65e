import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { connectorsForRequest, createConnector, deleteConnector, listConnectors } from "@/lib/db/connectors";
import { newUser } from "./fixtures";

const TOKEN = "tok_live_9f8e7d6c5b4a";

describe("connectors", () => {
  it("keep their token encrypted at rest and never list it", async () => {
    const { id: userId } = await newUser();
    const created = await createConnector(userId, {
      name: "wiki",
      url: "https://mcp.example/wiki",
      token: TOKEN,
      allowedTools: ["search"],
    });
    expect(created).toEqual({
      id: created.id,
      name: "wiki",
      url: "https://mcp.example/wiki",
      hasToken: true,
      allowedTools: ["search"],
    });
    const row = await db.connector.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenEncrypted).toMatch(/^v1:/);
    expect(row.tokenEncrypted).not.toContain(TOKEN);
    expect(JSON.stringify(await listConnectors(userId))).not.toContain(TOKEN);
    expect(await connectorsForRequest(userId, [created.id])).toEqual([
      { name: "wiki", url: "https://mcp.example/wiki", token: TOKEN, allowedTools: ["search"] },
    ]);
  });

  it("belong to their owner: another user cannot use, list or delete them", async () => {
    const { id: owner } = await newUser();
    const { id: stranger } = await newUser();
    const { id } = await createConnector(owner, { name: "crm", url: "https://mcp.example/crm" });
    expect(await connectorsForRequest(stranger, [id])).toEqual([]);
    expect(await listConnectors(stranger)).toEqual([]);
    expect(await deleteConnector(stranger, id)).toBe(false);
    expect(await listConnectors(owner)).toHaveLength(1);
    expect(await deleteConnector(owner, id)).toBe(true);
    expect(await listConnectors(owner)).toEqual([]);
  });

  it("refuse a second connector of the same name for one user, not across users", async () => {
    const { id: first } = await newUser();
    const { id: second } = await newUser();
    await createConnector(first, { name: "docs", url: "https://a.example/" });
    await expect(createConnector(first, { name: "docs", url: "https://b.example/" })).rejects.toMatchObject({
      code: "P2002",
    });
    await expect(createConnector(second, { name: "docs", url: "https://b.example/" })).resolves.toBeDefined();
  });
});
