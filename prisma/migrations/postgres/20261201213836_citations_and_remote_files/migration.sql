-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "citations" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "remoteFileId" TEXT;

