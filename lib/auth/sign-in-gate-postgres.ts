// Failed sign-ins in PostgreSQL, shared by every instance. An attempt is decided under an advisory
// lock on its address, so parallel guesses through several instances are counted one by one.
import type pg from "pg";
import { gateKeys, type SignInGate } from "./sign-in-gate";
import { delayAfter } from "./throttle";

interface Row {
  key: string;
  count: number;
  last: number;
}

const CLOCK = "extract(epoch FROM clock_timestamp()) * 1000";
const NOW = `SELECT ${CLOCK} AS now`;

export class PostgresSignInGate implements SignInGate {
  constructor(private readonly pool: pg.Pool) {}

  async begin(email: string, addressGroup: string): Promise<number> {
    const keys = gateKeys(email, addressGroup);
    return this.locked(addressGroup, async (client) => {
      const now = Number((await client.query<{ now: number }>(NOW)).rows[0]?.now);
      const { rows } = await client.query<Row>(
        `SELECT key, count, last FROM "SignInFailure" WHERE key = ANY($1)`,
        [keys.map(([key]) => key)],
      );
      const counts = keys.map(([key, rule]) => {
        const row = rows.find((candidate) => candidate.key === key);
        if (!row) return { key, count: 0, wait: 0 };
        const until = Number(row.last) + delayAfter(row.count, rule);
        // Forgotten once the wait is over and `forgetAfterMs` passed without another failure.
        if (now > until + rule.forgetAfterMs) return { key, count: 0, wait: 0 };
        return { key, count: row.count, wait: Math.max(0, until - now) };
      });
      const wait = Math.max(...counts.map((entry) => entry.wait));
      if (wait > 0) return Math.ceil(wait);
      for (const { key, count } of counts) {
        await client.query(
          `INSERT INTO "SignInFailure" (key, count, last) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET count = EXCLUDED.count, last = EXCLUDED.last`,
          [key, count + 1, now],
        );
      }
      return 0;
    });
  }

  async succeeded(email: string, addressGroup: string): Promise<void> {
    const [pair, address] = gateKeys(email, addressGroup).map(([key]) => key) as [string, string];
    await this.locked(addressGroup, async (client) => {
      await client.query(`DELETE FROM "SignInFailure" WHERE key = $1`, [pair]);
      await client.query(`UPDATE "SignInFailure" SET count = count - 1 WHERE key = $1 AND count > 1`, [
        address,
      ]);
      await client.query(`DELETE FROM "SignInFailure" WHERE key = $1 AND count <= 1`, [address]);
      // Rows past any wait and forgetting time (15 + 15 minutes at most) are dropped now and then.
      if (Math.random() < 0.01)
        await client.query(`DELETE FROM "SignInFailure" WHERE last < ${CLOCK} - 3600000`);
    });
  }

  private async locked<T>(addressGroup: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`sign-in:${addressGroup}`]);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
