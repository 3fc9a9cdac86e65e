-- CreateTable
CREATE TABLE "UsageDaily" (
    "day" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "pricedCalls" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "userId", "model"),
    CONSTRAINT "UsageDaily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- Backfill from the ledger (SQLite keeps instants as ISO text in UTC: the day is its first 10 characters).
INSERT INTO "UsageDaily" ("day", "userId", "model", "costUsd", "calls", "pricedCalls")
SELECT substr("createdAt", 1, 10), "userId", "model", COALESCE(SUM("costUsd"), 0), COUNT(*), COUNT("costUsd")
FROM "UsageRecord" GROUP BY 1, 2, 3;
