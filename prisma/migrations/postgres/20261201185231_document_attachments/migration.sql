-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "name" TEXT,
ADD COLUMN     "pages" INTEGER;

