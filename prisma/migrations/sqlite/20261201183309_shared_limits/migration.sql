-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "at" REAL NOT NULL,
    "fullAt" REAL NOT NULL,
    "taken" BOOLEAN NOT NULL
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "last" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "ReplyReservation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "RateBucket_fullAt_idx" ON "RateBucket"("fullAt");

-- CreateIndex
CREATE INDEX "ReplyReservation_userId_idx" ON "ReplyReservation"("userId");

