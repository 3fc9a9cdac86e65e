-- CreateTable
CREATE TABLE "ProviderCredential" (
    "provider" TEXT NOT NULL PRIMARY KEY,
    "sealed" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "setById" TEXT,
    "setByEmail" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

