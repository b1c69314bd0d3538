-- CreateEnum
CREATE TYPE "PbxNodeStatus" AS ENUM ('unknown', 'connected', 'disconnected', 'maintenance');

-- CreateEnum
CREATE TYPE "ProviderType" AS ENUM ('carrier', 'wholesale', 'reseller');

-- CreateEnum
CREATE TYPE "SipTransport" AS ENUM ('udp', 'tcp', 'tls');

-- CreateEnum
CREATE TYPE "GatewayAuth" AS ENUM ('credentials', 'ip_match');

-- CreateEnum
CREATE TYPE "DidStatus" AS ENUM ('free', 'allocated', 'quarantined');

-- CreateEnum
CREATE TYPE "AuditActorKind" AS ENUM ('super_admin', 'member', 'support', 'api_key', 'system');

-- AlterEnum
ALTER TYPE "TenantStatus" ADD VALUE 'archived';

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "contactEmail" VARCHAR(254),
ADD COLUMN     "pbxNodeId" UUID,
ADD COLUMN     "suspendedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PbxNode" (
    "id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "amiHost" VARCHAR(253) NOT NULL,
    "amiPort" INTEGER NOT NULL DEFAULT 5038,
    "amiUser" VARCHAR(80) NOT NULL,
    "amiSecretEnc" VARCHAR(400) NOT NULL,
    "configDir" VARCHAR(400) NOT NULL,
    "status" "PbxNodeStatus" NOT NULL DEFAULT 'unknown',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PbxNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "type" "ProviderType" NOT NULL DEFAULT 'carrier',
    "contactName" VARCHAR(120),
    "contactEmail" VARCHAR(254),
    "contactPhone" VARCHAR(16),
    "defaultCostPerMinute" DECIMAL(10,4) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gateway" (
    "id" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "host" VARCHAR(253) NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 5060,
    "transport" "SipTransport" NOT NULL DEFAULT 'udp',
    "codecs" TEXT[] DEFAULT ARRAY['alaw', 'ulaw']::TEXT[],
    "techPrefix" VARCHAR(16),
    "authMode" "GatewayAuth" NOT NULL DEFAULT 'ip_match',
    "username" VARCHAR(80),
    "secretEnc" VARCHAR(400),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Gateway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportGrant" (
    "id" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "adminUserId" UUID NOT NULL,
    "tenantSlug" VARCHAR(32) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Did" (
    "id" UUID NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "providerId" UUID NOT NULL,
    "gatewayId" UUID,
    "monthlyCost" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "status" "DidStatus" NOT NULL DEFAULT 'free',
    "tenantId" UUID,
    "allocatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Did_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120),
    "role" "MemberRole" NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "invitedByUserId" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "number" VARCHAR(6) NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "membershipId" UUID,
    "secretEnc" VARCHAR(400) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "name" VARCHAR(80) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "keyHash" CHAR(64) NOT NULL,
    "createdByUserId" UUID,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "tenantId" UUID DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "actorKind" "AuditActorKind" NOT NULL,
    "actorUserId" UUID,
    "actorEmail" VARCHAR(254),
    "action" VARCHAR(80) NOT NULL,
    "objectType" VARCHAR(40) NOT NULL,
    "objectId" VARCHAR(80),
    "ip" VARCHAR(64),
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PbxNode_name_key" ON "PbxNode"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_name_key" ON "Provider"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Gateway_name_key" ON "Gateway"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SupportGrant_tokenHash_key" ON "SupportGrant"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Did_number_key" ON "Did"("number");

-- CreateIndex
CREATE INDEX "Did_tenantId_idx" ON "Did"("tenantId");

-- CreateIndex
CREATE INDEX "Did_status_idx" ON "Did"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_tenantId_createdAt_idx" ON "Invitation"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Extension_tenantId_number_key" ON "Extension"("tenantId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_tenantId_idx" ON "ApiKey"("tenantId");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_createdAt_idx" ON "AuditLog"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_objectType_objectId_idx" ON "AuditLog"("objectType", "objectId");

-- AddForeignKey
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_pbxNodeId_fkey" FOREIGN KEY ("pbxNodeId") REFERENCES "PbxNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gateway" ADD CONSTRAINT "Gateway_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportGrant" ADD CONSTRAINT "SupportGrant_adminUserId_fkey" FOREIGN KEY ("adminUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_gatewayId_fkey" FOREIGN KEY ("gatewayId") REFERENCES "Gateway"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation for the new tenant-owned tables (same shape as 20261121004814_tenant_isolation:
-- one index-friendly policy for the app's role, everything for the console's role).
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invitation" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Invitation" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "Extension" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Extension" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Extension" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Extension" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ApiKey" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "ApiKey" TO linha_admin USING (true) WITH CHECK (true);

-- A tenant sees the numbers allocated to it; only the console allocates, releases or edits them.
ALTER TABLE "Did" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Did" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Did" FOR SELECT TO linha_app USING ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Did" TO linha_admin USING (true) WITH CHECK (true);

-- A tenant reads and appends its own entries; platform entries (tenantId NULL) are the console's.
ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditLog" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "AuditLog" TO linha_admin USING (true) WITH CHECK (true);
-- Append-only: nobody but the owner rewrites history.
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "AuditLog" FROM linha_app, linha_admin;

-- Invariants the database keeps whatever the code does.
ALTER TABLE "Did" ADD CONSTRAINT "Did_number_e164" CHECK (number ~ '^\+[1-9][0-9]{7,14}$');
ALTER TABLE "Did" ADD CONSTRAINT "Did_allocation" CHECK ((status = 'allocated') = ("tenantId" IS NOT NULL));
ALTER TABLE "Did" ADD CONSTRAINT "Did_monthly_cost" CHECK ("monthlyCost" >= 0);
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_number_digits" CHECK (number ~ '^[0-9]{2,6}$');
ALTER TABLE "Gateway" ADD CONSTRAINT "Gateway_name_token" CHECK (name ~ '^[A-Za-z0-9_.-]{1,40}$');
ALTER TABLE "Gateway" ADD CONSTRAINT "Gateway_port" CHECK (port BETWEEN 1 AND 65535);
ALTER TABLE "Gateway" ADD CONSTRAINT "Gateway_tech_prefix" CHECK ("techPrefix" IS NULL OR "techPrefix" ~ '^[0-9*#]{1,16}$');
ALTER TABLE "Gateway" ADD CONSTRAINT "Gateway_auth" CHECK ("authMode" = 'ip_match' OR (username IS NOT NULL AND "secretEnc" IS NOT NULL));
ALTER TABLE "PbxNode" ADD CONSTRAINT "PbxNode_ami_port" CHECK ("amiPort" BETWEEN 1 AND 65535);
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_limits" CHECK ("maxUsers" >= 1 AND "maxExtensions" >= 0 AND "maxDids" >= 0 AND "maxConcurrentCalls" >= 0 AND "monthlyPrice" >= 0);
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_contact_email_lowercase" CHECK ("contactEmail" IS NULL OR "contactEmail" = lower("contactEmail"));
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_email_lowercase" CHECK (email = lower(email));
-- At most one open invitation per e-mail and tenant.
CREATE UNIQUE INDEX "Invitation_open_email_key" ON "Invitation" ("tenantId", email) WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL;
