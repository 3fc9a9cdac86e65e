-- AlterTable (plain ADD COLUMN: rebuilding Message would drop its search triggers and partial index)
ALTER TABLE "Message" ADD COLUMN "webSearchRequests" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Message" ADD COLUMN "webFetchRequests" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN "webSearchRequests" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageRecord" ADD COLUMN "webFetchRequests" INTEGER NOT NULL DEFAULT 0;
