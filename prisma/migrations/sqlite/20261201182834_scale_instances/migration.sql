-- Plain ADD COLUMNs: a table rebuild would drop the search triggers and the partial index on Message.
ALTER TABLE "Message" ADD COLUMN "instanceId" TEXT;
ALTER TABLE "Message" ADD COLUMN "heartbeatAt" DATETIME;
ALTER TABLE "Message" ADD COLUMN "progressSeq" INTEGER NOT NULL DEFAULT -1;
