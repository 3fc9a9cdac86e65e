-- CreateTable
CREATE TABLE "BudgetHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "replyId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "amountUsd" REAL NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BudgetHold_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1,
    "registrationMode" TEXT NOT NULL DEFAULT 'open',
    "defaultBudgetUsd" REAL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "maxUses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "targetEmail" TEXT,
    "detail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (plain ADD COLUMN: a rebuild of User is not needed)
ALTER TABLE "User" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'active';
ALTER TABLE "User" ADD COLUMN "monthlyBudgetUsd" REAL;
ALTER TABLE "User" ADD COLUMN "lastActiveAt" DATETIME;

-- CreateIndex
CREATE INDEX "BudgetHold_userId_expiresAt_idx" ON "BudgetHold"("userId", "expiresAt");

-- CreateIndex
CREATE INDEX "BudgetHold_replyId_idx" ON "BudgetHold"("replyId");

-- CreateIndex
CREATE INDEX "UsageRecord_createdAt_userId_model_costUsd_idx" ON "UsageRecord"("createdAt", "userId", "model", "costUsd");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

