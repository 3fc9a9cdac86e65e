-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "name" TEXT;
ALTER TABLE "Attachment" ADD COLUMN "pages" INTEGER;

