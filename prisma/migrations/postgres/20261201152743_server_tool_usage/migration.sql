-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "webFetchRequests" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "webSearchRequests" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN     "webFetchRequests" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "webSearchRequests" INTEGER NOT NULL DEFAULT 0;

