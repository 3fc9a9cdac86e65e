import "server-only";
import type { ConnectorForRequest, ConnectorView, NewConnector } from "@/lib/connectors/schema";
import { openToken, sealToken } from "@/lib/connectors/secret-box";
import { db } from "./client";

const fields = { id: true, name: true, url: true, tokenEncrypted: true, allowedTools: true } as const;

type Row = {
  id: string;
  name: string;
  url: string;
  tokenEncrypted: string | null;
  allowedTools: string | null;
};

function allowedTools(json: string | null): string[] | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) && value.length > 0 ? value.map(String) : null;
  } catch {
    return null;
  }
}

function view(row: Row): ConnectorView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    hasToken: row.tokenEncrypted !== null,
    allowedTools: allowedTools(row.allowedTools),
  };
}

export async function listConnectors(userId: string): Promise<ConnectorView[]> {
  const rows = await db.connector.findMany({
    where: { userId },
    select: fields,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(view);
}

export function countConnectors(userId: string) {
  return db.connector.count({ where: { userId } });
}

/** Throws Prisma's P2002 when the user already has a connector of that name. */
export async function createConnector(userId: string, input: NewConnector): Promise<ConnectorView> {
  const row = await db.connector.create({
    data: {
      userId,
      name: input.name,
      url: input.url,
      tokenEncrypted: input.token ? sealToken(input.token) : null,
      allowedTools: input.allowedTools?.length ? JSON.stringify(input.allowedTools) : null,
    },
    select: fields,
  });
  return view(row);
}

/** False when the connector is not the user's. */
export async function deleteConnector(userId: string, id: string): Promise<boolean> {
  const { count } = await db.connector.deleteMany({ where: { id, userId } });
  return count > 0;
}

/** The user's connectors among `ids` (others' are not found), tokens opened. */
export async function connectorsForRequest(userId: string, ids: string[]): Promise<ConnectorForRequest[]> {
  if (ids.length === 0) return [];
  const rows = await db.connector.findMany({ where: { userId, id: { in: ids } }, select: fields });
  return rows.map((row) => ({
    name: row.name,
    url: row.url,
    token: row.tokenEncrypted ? openToken(row.tokenEncrypted) : null,
    allowedTools: allowedTools(row.allowedTools),
  }));
}
