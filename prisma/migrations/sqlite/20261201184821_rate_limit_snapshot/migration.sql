-- CreateTable
CREATE TABLE "RateLimitSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1,
    "data" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL
);

