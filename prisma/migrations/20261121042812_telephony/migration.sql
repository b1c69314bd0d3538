-- CreateEnum
CREATE TYPE "PbxSyncStatus" AS ENUM ('queued', 'running', 'applied', 'unchanged', 'not_reloaded', 'failed');

-- CreateEnum
CREATE TYPE "PbxSyncTrigger" AS ENUM ('auto', 'manual', 'startup');

-- CreateEnum
CREATE TYPE "TrunkAuthMode" AS ENUM ('ip', 'registration');

-- CreateEnum
CREATE TYPE "CallerIdPolicy" AS ENUM ('passthrough', 'fixed');

-- CreateEnum
CREATE TYPE "RingStrategy" AS ENUM ('ringall', 'sequential');

-- CreateEnum
CREATE TYPE "DidDestinationType" AS ENUM ('extension', 'ring_group', 'trunk', 'unavailable');

-- AlterTable
ALTER TABLE "Extension" ADD COLUMN     "callerIdNumber" VARCHAR(16),
ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "maxContacts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "voicemail" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PbxNode" ADD COLUMN     "amiError" VARCHAR(500),
ADD COLUMN     "configChecksum" VARCHAR(64),
ADD COLUMN     "pendingReload" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "statusChangedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PbxSync" (
    "id" UUID NOT NULL,
    "pbxNodeId" UUID NOT NULL,
    "status" "PbxSyncStatus" NOT NULL DEFAULT 'queued',
    "trigger" "PbxSyncTrigger" NOT NULL DEFAULT 'auto',
    "reason" VARCHAR(200),
    "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "checksum" VARCHAR(64),
    "changedFiles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "diff" TEXT,
    "output" TEXT,
    "durationMs" INTEGER,

    CONSTRAINT "PbxSync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trunk" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "name" VARCHAR(30) NOT NULL,
    "authMode" "TrunkAuthMode" NOT NULL,
    "ipMatches" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "host" VARCHAR(253),
    "port" INTEGER NOT NULL DEFAULT 5060,
    "secretEnc" VARCHAR(400),
    "codecs" TEXT[] DEFAULT ARRAY['alaw', 'ulaw']::TEXT[],
    "channelLimit" INTEGER NOT NULL DEFAULT 10,
    "callerIdPolicy" "CallerIdPolicy" NOT NULL DEFAULT 'passthrough',
    "callerIdNumber" VARCHAR(16),
    "operatorManaged" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Trunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RingGroup" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "name" VARCHAR(80) NOT NULL,
    "strategy" "RingStrategy" NOT NULL DEFAULT 'ringall',
    "ringSeconds" INTEGER NOT NULL DEFAULT 20,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RingGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RingGroupMember" (
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "ringGroupId" UUID NOT NULL,
    "extensionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "RingGroupMember_pkey" PRIMARY KEY ("ringGroupId","extensionId")
);

-- CreateTable
CREATE TABLE "BusinessHours" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "name" VARCHAR(80) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL DEFAULT 'America/Sao_Paulo',
    "rules" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BusinessHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DidRoute" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "didId" UUID NOT NULL,
    "destType" "DidDestinationType" NOT NULL,
    "extensionId" UUID,
    "ringGroupId" UUID,
    "trunkId" UUID,
    "businessHoursId" UUID,
    "afterType" "DidDestinationType",
    "afterExtensionId" UUID,
    "afterRingGroupId" UUID,
    "afterTrunkId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DidRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundRoute" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "name" VARCHAR(40) NOT NULL,
    "pattern" VARCHAR(40) NOT NULL,
    "priority" INTEGER NOT NULL,
    "stripDigits" INTEGER NOT NULL DEFAULT 0,
    "prepend" VARCHAR(16),
    "callerIdNumber" VARCHAR(16),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboundRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundRouteGateway" (
    "routeId" UUID NOT NULL,
    "gatewayId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "OutboundRouteGateway_pkey" PRIMARY KEY ("routeId","position")
);

-- CreateIndex
CREATE INDEX "PbxSync_pbxNodeId_queuedAt_idx" ON "PbxSync"("pbxNodeId", "queuedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Trunk_tenantId_name_key" ON "Trunk"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Trunk_tenantId_id_key" ON "Trunk"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RingGroup_tenantId_name_key" ON "RingGroup"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RingGroup_tenantId_id_key" ON "RingGroup"("tenantId", "id");

-- CreateIndex
CREATE INDEX "RingGroupMember_tenantId_extensionId_idx" ON "RingGroupMember"("tenantId", "extensionId");

-- CreateIndex
CREATE UNIQUE INDEX "RingGroupMember_ringGroupId_position_key" ON "RingGroupMember"("ringGroupId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BusinessHours_tenantId_name_key" ON "BusinessHours"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "BusinessHours_tenantId_id_key" ON "BusinessHours"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DidRoute_didId_key" ON "DidRoute"("didId");

-- CreateIndex
CREATE UNIQUE INDEX "DidRoute_tenantId_didId_key" ON "DidRoute"("tenantId", "didId");

-- CreateIndex
CREATE UNIQUE INDEX "DidRoute_tenantId_id_key" ON "DidRoute"("tenantId", "id");

-- CreateIndex
CREATE INDEX "OutboundRoute_tenantId_priority_idx" ON "OutboundRoute"("tenantId", "priority");

-- CreateIndex
CREATE INDEX "OutboundRouteGateway_gatewayId_idx" ON "OutboundRouteGateway"("gatewayId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundRouteGateway_routeId_gatewayId_key" ON "OutboundRouteGateway"("routeId", "gatewayId");

-- CreateIndex
CREATE UNIQUE INDEX "Did_tenantId_id_key" ON "Did"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Extension_tenantId_id_key" ON "Extension"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "PbxSync" ADD CONSTRAINT "PbxSync_pbxNodeId_fkey" FOREIGN KEY ("pbxNodeId") REFERENCES "PbxNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RingGroup" ADD CONSTRAINT "RingGroup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RingGroupMember" ADD CONSTRAINT "RingGroupMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RingGroupMember" ADD CONSTRAINT "RingGroupMember_tenantId_ringGroupId_fkey" FOREIGN KEY ("tenantId", "ringGroupId") REFERENCES "RingGroup"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RingGroupMember" ADD CONSTRAINT "RingGroupMember_tenantId_extensionId_fkey" FOREIGN KEY ("tenantId", "extensionId") REFERENCES "Extension"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessHours" ADD CONSTRAINT "BusinessHours_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_didId_fkey" FOREIGN KEY ("tenantId", "didId") REFERENCES "Did"("tenantId", "id") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_extensionId_fkey" FOREIGN KEY ("tenantId", "extensionId") REFERENCES "Extension"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_ringGroupId_fkey" FOREIGN KEY ("tenantId", "ringGroupId") REFERENCES "RingGroup"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_trunkId_fkey" FOREIGN KEY ("tenantId", "trunkId") REFERENCES "Trunk"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_businessHoursId_fkey" FOREIGN KEY ("tenantId", "businessHoursId") REFERENCES "BusinessHours"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_afterExtensionId_fkey" FOREIGN KEY ("tenantId", "afterExtensionId") REFERENCES "Extension"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_afterRingGroupId_fkey" FOREIGN KEY ("tenantId", "afterRingGroupId") REFERENCES "RingGroup"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_tenantId_afterTrunkId_fkey" FOREIGN KEY ("tenantId", "afterTrunkId") REFERENCES "Trunk"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundRoute" ADD CONSTRAINT "OutboundRoute_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundRouteGateway" ADD CONSTRAINT "OutboundRouteGateway_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "OutboundRoute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundRouteGateway" ADD CONSTRAINT "OutboundRouteGateway_gatewayId_fkey" FOREIGN KEY ("gatewayId") REFERENCES "Gateway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security: the customer side of telephony is tenant-owned.

ALTER TABLE "Trunk" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Trunk" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Trunk" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Trunk" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "RingGroup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RingGroup" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RingGroup" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "RingGroup" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "RingGroupMember" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RingGroupMember" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RingGroupMember" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "RingGroupMember" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "BusinessHours" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BusinessHours" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BusinessHours" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "BusinessHours" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "DidRoute" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DidRoute" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DidRoute" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "DidRoute" TO linha_admin USING (true) WITH CHECK (true);

-- Outbound routes belong to the operator; a tenant may read its own overrides (never another's,
-- never the operator's), like "Did".
ALTER TABLE "OutboundRoute" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OutboundRoute" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OutboundRoute" FOR SELECT TO linha_app USING ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "OutboundRoute" TO linha_admin USING (true) WITH CHECK (true);

-- One name per scope: the operator's routes (tenantId NULL) share one namespace.
CREATE UNIQUE INDEX "OutboundRoute_scope_name_key" ON "OutboundRoute"("tenantId", "name") NULLS NOT DISTINCT;

-- Invariants the database keeps whatever the code does. The patterns repeat the allow-lists of
-- lib/telephony: these values are written into Asterisk configuration.
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_max_contacts" CHECK ("maxContacts" BETWEEN 1 AND 10);
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_caller_id" CHECK ("callerIdNumber" IS NULL OR "callerIdNumber" ~ '^\+?[0-9]{2,15}$');
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_number" CHECK ("number" ~ '^[0-9]{2,6}$');
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_name" CHECK ("name" ~ '^[a-z0-9][a-z0-9-]{0,29}$');
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_port" CHECK ("port" BETWEEN 1 AND 65535);
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_channel_limit" CHECK ("channelLimit" BETWEEN 1 AND 1000);
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_codecs" CHECK (cardinality("codecs") >= 1);
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_ip_auth" CHECK ("authMode" <> 'ip' OR (cardinality("ipMatches") >= 1 AND "host" IS NOT NULL));
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_registration_auth" CHECK ("authMode" <> 'registration' OR "secretEnc" IS NOT NULL);
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_caller_id" CHECK (("callerIdPolicy" <> 'fixed' OR "callerIdNumber" IS NOT NULL) AND ("callerIdNumber" IS NULL OR "callerIdNumber" ~ '^\+?[0-9]{2,15}$'));
ALTER TABLE "RingGroup" ADD CONSTRAINT "RingGroup_name" CHECK (length(btrim(name)) > 0);
ALTER TABLE "RingGroup" ADD CONSTRAINT "RingGroup_ring_seconds" CHECK ("ringSeconds" BETWEEN 5 AND 300);
ALTER TABLE "RingGroupMember" ADD CONSTRAINT "RingGroupMember_position" CHECK ("position" >= 0);
ALTER TABLE "BusinessHours" ADD CONSTRAINT "BusinessHours_name" CHECK (length(btrim(name)) > 0);
ALTER TABLE "BusinessHours" ADD CONSTRAINT "BusinessHours_rules" CHECK (jsonb_typeof("rules") = 'array');
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_destination" CHECK (
  ("destType" = 'extension') = ("extensionId" IS NOT NULL)
  AND ("destType" = 'ring_group') = ("ringGroupId" IS NOT NULL)
  AND ("destType" = 'trunk') = ("trunkId" IS NOT NULL));
ALTER TABLE "DidRoute" ADD CONSTRAINT "DidRoute_after_hours" CHECK (
  ("businessHoursId" IS NULL) = ("afterType" IS NULL)
  AND ("afterType" IS NOT DISTINCT FROM 'extension') = ("afterExtensionId" IS NOT NULL)
  AND ("afterType" IS NOT DISTINCT FROM 'ring_group') = ("afterRingGroupId" IS NOT NULL)
  AND ("afterType" IS NOT DISTINCT FROM 'trunk') = ("afterTrunkId" IS NOT NULL));
ALTER TABLE "OutboundRoute" ADD CONSTRAINT "OutboundRoute_name" CHECK ("name" ~ '^[A-Za-z0-9_-]{1,40}$');
ALTER TABLE "OutboundRoute" ADD CONSTRAINT "OutboundRoute_pattern" CHECK ("pattern" ~ '^(_[0-9XZNxzn.!+*#\[\]-]+|\+?[0-9*#]+)$');
ALTER TABLE "OutboundRoute" ADD CONSTRAINT "OutboundRoute_priority" CHECK ("priority" BETWEEN 0 AND 100000);
ALTER TABLE "OutboundRoute" ADD CONSTRAINT "OutboundRoute_strip" CHECK ("stripDigits" BETWEEN 0 AND 20);
ALTER TABLE "OutboundRoute" ADD CONSTRAINT "OutboundRoute_prepend" CHECK ("prepend" IS NULL OR "prepend" ~ '^[0-9+*#]{1,16}$');
ALTER TABLE "OutboundRoute" ADD CONSTRAINT "OutboundRoute_caller_id" CHECK ("callerIdNumber" IS NULL OR "callerIdNumber" ~ '^\+?[0-9]{2,15}$');
ALTER TABLE "OutboundRouteGateway" ADD CONSTRAINT "OutboundRouteGateway_position" CHECK ("position" >= 0);
ALTER TABLE "PbxSync" ADD CONSTRAINT "PbxSync_diff_size" CHECK ("diff" IS NULL OR length("diff") <= 262144);
