// The concurrent-reply cap across instances: the check (replies streaming plus slots reserved) and
// the reservation happen under an advisory lock on the user, so requests arriving at several
// instances at once are counted one after another. A reservation lives until its turn is saved
// (then the streaming row counts) and expires should its instance die before releasing it.
import { randomUUID } from "node:crypto";
import type pg from "pg";

const RESERVATION_MS = 60_000;
const CLOCK = "extract(epoch FROM clock_timestamp()) * 1000";

export class PostgresReplySlots {
  constructor(private readonly pool: pg.Pool) {}

  /** Reserves a slot, or null when `max` are taken; call the release once the turn is saved or abandoned. */
  async reserve(userId: string, max: number): Promise<(() => void) | null> {
    const id = randomUUID();
    const client = await this.pool.connect();
    let reserved = false;
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`reply-slots:${userId}`]);
      const { rows } = await client.query<{ taken: string }>(
        `SELECT (SELECT count(*) FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
                 WHERE m.status = 'streaming' AND c."userId" = $1)
              + (SELECT count(*) FROM "ReplyReservation" WHERE "userId" = $1 AND "expiresAt" > ${CLOCK}) AS taken`,
        [userId],
      );
      if (Number(rows[0]?.taken ?? 0) < max) {
        await client.query(
          `INSERT INTO "ReplyReservation" (id, "userId", "expiresAt") VALUES ($1, $2, ${CLOCK} + $3)`,
          [id, userId, RESERVATION_MS],
        );
        reserved = true;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    if (!reserved) return null;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void this.pool
        .query(`DELETE FROM "ReplyReservation" WHERE id = $1 OR "expiresAt" < ${CLOCK}`, [id])
        .catch(() => {});
    };
  }
}
