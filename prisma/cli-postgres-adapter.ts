// Used by the Prisma CLI only (migrate deploy / diff on PostgreSQL). The stock pg adapter cannot
// deserialize the catalog column types `name` (oid 19) and `"char"` (oid 18) that the migration
// engine reads; pg already hands their values over as strings, so report them as text.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportCatalogColumnsAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has many overloads; only the promise form is adjusted.
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      // Callback form, as pg.Pool#query uses it.
      // biome-ignore lint/suspicious/noExplicitAny: see above
      args[args.length - 1] = (error: Error | null, result: any) =>
        last(error, reportCatalogColumnsAsText(result));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (super.query as (...a: any[]) => any)(...args);
    return result instanceof Promise ? result.then(reportCatalogColumnsAsText) : result;
  }
}

export function cliPostgresAdapter(connectionString: string) {
  return new PrismaPg(new pg.Pool({ connectionString, Client: CatalogTextClient }));
}
