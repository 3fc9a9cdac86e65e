-- CreateTable
CREATE TABLE "ProviderCredential" (
    "provider" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "setById" TEXT,
    "setByEmail" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderCredential_pkey" PRIMARY KEY ("provider")
);

