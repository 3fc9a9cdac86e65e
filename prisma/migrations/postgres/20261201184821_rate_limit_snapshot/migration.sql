-- CreateTable
CREATE TABLE "RateLimitSnapshot" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "data" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitSnapshot_pkey" PRIMARY KEY ("id")
);

