-- AlterTable
ALTER TABLE "User" ADD COLUMN     "ssoSubject" TEXT;

-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN     "passwordSignIn" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE UNIQUE INDEX "User_ssoSubject_key" ON "User"("ssoSubject");

