-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('inbound', 'outbound', 'internal');

-- CreateEnum
CREATE TYPE "CallState" AS ENUM ('originating', 'ringing', 'answered', 'ended');

-- CreateEnum
CREATE TYPE "CallDisposition" AS ENUM ('answered', 'no_answer', 'busy', 'failed', 'agent_missed');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('connected', 'no_answer', 'busy', 'voicemail', 'wrong_number');

-- CreateEnum
CREATE TYPE "ConferenceParticipantState" AS ENUM ('calling', 'joined', 'left', 'failed');

-- DropIndex
DROP INDEX "OutboundRoute_scope_name_key";

-- AlterTable
ALTER TABLE "Extension" ADD COLUMN     "contactUri" VARCHAR(200),
ADD COLUMN     "registered" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "registeredChangedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "pbxNodeId" UUID,
    "linkedId" VARCHAR(64),
    "originateActionId" VARCHAR(64),
    "direction" "CallDirection" NOT NULL,
    "state" "CallState" NOT NULL,
    "fromNumber" VARCHAR(40),
    "toNumber" VARCHAR(40),
    "extensionNumber" VARCHAR(6),
    "userId" UUID,
    "userName" VARCHAR(120),
    "leadId" UUID,
    "gatewayName" VARCHAR(64),
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ringingAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "durationSec" INTEGER,
    "billsec" INTEGER,
    "disposition" "CallDisposition",
    "hangupCause" INTEGER,
    "hangupCauseText" VARCHAR(64),
    "transferredTo" VARCHAR(40),
    "recordingPath" VARCHAR(200),
    "outcome" "CallOutcome",
    "note" VARCHAR(2000),
    "activityId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conference" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "pbxNodeId" UUID,
    "code" CHAR(6) NOT NULL,
    "title" VARCHAR(80) NOT NULL,
    "startedByUserId" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Conference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConferenceParticipant" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "conferenceId" UUID NOT NULL,
    "target" VARCHAR(40) NOT NULL,
    "label" VARCHAR(120) NOT NULL,
    "channel" VARCHAR(128),
    "originateActionId" VARCHAR(64),
    "state" "ConferenceParticipantState" NOT NULL DEFAULT 'calling',
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" TIMESTAMPTZ(3),
    "leftAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConferenceParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Call_tenantId_startedAt_id_idx" ON "Call"("tenantId", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Call_tenantId_userId_startedAt_idx" ON "Call"("tenantId", "userId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Call_tenantId_leadId_startedAt_idx" ON "Call"("tenantId", "leadId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Call_tenantId_state_idx" ON "Call"("tenantId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Call_tenantId_id_key" ON "Call"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Call_pbxNodeId_linkedId_key" ON "Call"("pbxNodeId", "linkedId");

-- CreateIndex
CREATE INDEX "Conference_tenantId_startedAt_idx" ON "Conference"("tenantId", "startedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Conference_tenantId_id_key" ON "Conference"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Conference_tenantId_code_key" ON "Conference"("tenantId", "code");

-- CreateIndex
CREATE INDEX "ConferenceParticipant_tenantId_conferenceId_idx" ON "ConferenceParticipant"("tenantId", "conferenceId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_pbxNodeId_fkey" FOREIGN KEY ("pbxNodeId") REFERENCES "PbxNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_tenantId_leadId_fkey" FOREIGN KEY ("tenantId", "leadId") REFERENCES "Lead"("tenantId", "id") ON DELETE SET NULL ("leadId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_pbxNodeId_fkey" FOREIGN KEY ("pbxNodeId") REFERENCES "PbxNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceParticipant" ADD CONSTRAINT "ConferenceParticipant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceParticipant" ADD CONSTRAINT "ConferenceParticipant_tenantId_conferenceId_fkey" FOREIGN KEY ("tenantId", "conferenceId") REFERENCES "Conference"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A deleted lead keeps its calls: only "leadId" is cleared (PostgreSQL 15 column list), never
-- the tenant. Prisma's SetNull would null both columns of the composite key.

-- Row-level security: the app sees only its tenant's rows; the console and the call ingest
-- (which attributes each call by the PBX's TenantID) work as linha_admin.
ALTER TABLE "Call" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Call" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Call" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Call" TO linha_admin USING (true) WITH CHECK (true);
ALTER TABLE "Conference" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Conference" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Conference" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Conference" TO linha_admin USING (true) WITH CHECK (true);
ALTER TABLE "ConferenceParticipant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConferenceParticipant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ConferenceParticipant" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "ConferenceParticipant" TO linha_admin USING (true) WITH CHECK (true);

-- Invariants.
ALTER TABLE "Call" ADD CONSTRAINT "Call_times" CHECK (
  ("answeredAt" IS NULL OR "answeredAt" >= "startedAt")
  AND ("endedAt" IS NULL OR "endedAt" >= "startedAt"));
ALTER TABLE "Call" ADD CONSTRAINT "Call_ended" CHECK (("state" = 'ended') = ("endedAt" IS NOT NULL));
ALTER TABLE "Call" ADD CONSTRAINT "Call_seconds" CHECK (("durationSec" IS NULL OR "durationSec" >= 0) AND ("billsec" IS NULL OR "billsec" >= 0));
ALTER TABLE "Call" ADD CONSTRAINT "Call_recording_path" CHECK ("recordingPath" IS NULL OR "recordingPath" ~ '^[a-z0-9-]+/[0-9A-Za-z._-]+\.(wav|WAV|gsm|mp3)$');
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_code" CHECK ("code" ~ '^[0-9]{6}$');
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_title" CHECK (length(btrim("title")) > 0);
