-- CreateTable
CREATE TABLE "UsageDaily" (
    "day" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "pricedCalls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsageDaily_pkey" PRIMARY KEY ("day","userId","model")
);

-- AddForeignKey
ALTER TABLE "UsageDaily" ADD CONSTRAINT "UsageDaily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill from the ledger ("createdAt" holds UTC instants).
INSERT INTO "UsageDaily" ("day", "userId", "model", "costUsd", "calls", "pricedCalls")
SELECT to_char("createdAt", 'YYYY-MM-DD'), "userId", "model", COALESCE(SUM("costUsd"), 0), COUNT(*), COUNT("costUsd")
FROM "UsageRecord" GROUP BY 1, 2, 3;
