-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "instanceId" TEXT,
ADD COLUMN     "progressSeq" INTEGER NOT NULL DEFAULT -1;

