-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "errorParams" TEXT;

