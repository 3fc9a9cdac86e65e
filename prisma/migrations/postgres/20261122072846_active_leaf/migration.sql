-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "activeLeafId" TEXT;

