-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "at" DOUBLE PRECISION NOT NULL,
    "fullAt" DOUBLE PRECISION NOT NULL,
    "taken" BOOLEAN NOT NULL,

    CONSTRAINT "RateBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ReplyReservation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ReplyReservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateBucket_fullAt_idx" ON "RateBucket"("fullAt");

-- CreateIndex
CREATE INDEX "ReplyReservation_userId_idx" ON "ReplyReservation"("userId");

