-- CreateEnum
CREATE TYPE "LeadVisibility" AS ENUM ('owner', 'shared');

-- CreateEnum
CREATE TYPE "OpportunityStatus" AS ENUM ('open', 'won', 'lost');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('note', 'call', 'email', 'meeting', 'stage_change', 'task_created', 'task_completed', 'document', 'lead_created', 'lead_updated', 'lead_merged', 'opportunity_created', 'opportunity_won', 'opportunity_lost', 'opportunity_reopened');

-- CreateEnum
CREATE TYPE "TaskType" AS ENUM ('call', 'email', 'meeting', 'todo');

-- DropIndex
DROP INDEX "Lead_tenantId_ownerId_idx";

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "employees" INTEGER,
ADD COLUMN     "lastContactAt" TIMESTAMPTZ(3),
ADD COLUMN     "score" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scoreDetails" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "scoredAt" TIMESTAMPTZ(3),
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "leadVisibility" "LeadVisibility" NOT NULL DEFAULT 'owner';

-- CreateTable
CREATE TABLE "Pipeline" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "name" VARCHAR(80) NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Pipeline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stage" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "pipelineId" UUID NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "position" INTEGER NOT NULL,
    "probability" INTEGER NOT NULL DEFAULT 0,
    "rottingDays" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opportunity" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "title" VARCHAR(120) NOT NULL,
    "leadId" UUID,
    "pipelineId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "ownerId" UUID,
    "value" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "expectedCloseOn" DATE,
    "status" "OpportunityStatus" NOT NULL DEFAULT 'open',
    "closeReason" VARCHAR(200),
    "closedAt" TIMESTAMPTZ(3),
    "stageEnteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityLine" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "opportunityId" UUID NOT NULL,
    "description" VARCHAR(120) NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unitPrice" DECIMAL(14,2) NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OpportunityLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "kind" "ActivityKind" NOT NULL,
    "leadId" UUID,
    "opportunityId" UUID,
    "body" VARCHAR(5000),
    "data" JSONB,
    "actorUserId" UUID,
    "actorName" VARCHAR(120),
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "title" VARCHAR(200) NOT NULL,
    "type" "TaskType" NOT NULL DEFAULT 'todo',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "assigneeId" UUID,
    "leadId" UUID,
    "opportunityId" UUID,
    "notes" VARCHAR(2000),
    "completedAt" TIMESTAMPTZ(3),
    "completedByUserId" UUID,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringRule" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "name" VARCHAR(80) NOT NULL,
    "condition" JSONB NOT NULL,
    "points" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScoringRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL DEFAULT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid,
    "membershipId" UUID NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "view" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pipeline_tenantId_id_key" ON "Pipeline"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Pipeline_tenantId_name_key" ON "Pipeline"("tenantId", "name");

-- CreateIndex
CREATE INDEX "Stage_pipelineId_position_idx" ON "Stage"("pipelineId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_tenantId_pipelineId_id_key" ON "Stage"("tenantId", "pipelineId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_pipelineId_name_key" ON "Stage"("pipelineId", "name");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_pipelineId_status_stageId_idx" ON "Opportunity"("tenantId", "pipelineId", "status", "stageId");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_leadId_idx" ON "Opportunity"("tenantId", "leadId");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_ownerId_status_idx" ON "Opportunity"("tenantId", "ownerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_tenantId_id_key" ON "Opportunity"("tenantId", "id");

-- CreateIndex
CREATE INDEX "OpportunityLine_tenantId_opportunityId_idx" ON "OpportunityLine"("tenantId", "opportunityId");

-- CreateIndex
CREATE INDEX "Activity_tenantId_leadId_occurredAt_id_idx" ON "Activity"("tenantId", "leadId", "occurredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Activity_tenantId_opportunityId_occurredAt_id_idx" ON "Activity"("tenantId", "opportunityId", "occurredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Task_tenantId_assigneeId_completedAt_dueAt_idx" ON "Task"("tenantId", "assigneeId", "completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Task_tenantId_leadId_completedAt_dueAt_idx" ON "Task"("tenantId", "leadId", "completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Task_tenantId_opportunityId_completedAt_dueAt_idx" ON "Task"("tenantId", "opportunityId", "completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "ScoringRule_tenantId_position_idx" ON "ScoringRule"("tenantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringRule_tenantId_name_key" ON "ScoringRule"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_tenantId_membershipId_name_key" ON "SavedFilter"("tenantId", "membershipId", "name");

-- CreateIndex
CREATE INDEX "Lead_tenantId_ownerId_lastContactAt_id_idx" ON "Lead"("tenantId", "ownerId", "lastContactAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Lead_tenantId_lastContactAt_id_idx" ON "Lead"("tenantId", "lastContactAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Lead_tenantId_ownerId_score_idx" ON "Lead"("tenantId", "ownerId", "score");

-- CreateIndex
CREATE INDEX "Lead_tenantId_score_idx" ON "Lead"("tenantId", "score");

-- CreateIndex
CREATE INDEX "Lead_tenantId_email_idx" ON "Lead"("tenantId", "email");

-- CreateIndex
CREATE INDEX "Lead_tenantId_phone_idx" ON "Lead"("tenantId", "phone");

-- CreateIndex
CREATE INDEX "Lead_tenantId_cnpj_idx" ON "Lead"("tenantId", "cnpj");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_tenantId_id_key" ON "Lead"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_tenantId_pipelineId_fkey" FOREIGN KEY ("tenantId", "pipelineId") REFERENCES "Pipeline"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_tenantId_leadId_fkey" FOREIGN KEY ("tenantId", "leadId") REFERENCES "Lead"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_tenantId_pipelineId_stageId_fkey" FOREIGN KEY ("tenantId", "pipelineId", "stageId") REFERENCES "Stage"("tenantId", "pipelineId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_tenantId_ownerId_fkey" FOREIGN KEY ("tenantId", "ownerId") REFERENCES "Membership"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityLine" ADD CONSTRAINT "OpportunityLine_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityLine" ADD CONSTRAINT "OpportunityLine_tenantId_opportunityId_fkey" FOREIGN KEY ("tenantId", "opportunityId") REFERENCES "Opportunity"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_leadId_fkey" FOREIGN KEY ("tenantId", "leadId") REFERENCES "Lead"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_opportunityId_fkey" FOREIGN KEY ("tenantId", "opportunityId") REFERENCES "Opportunity"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_assigneeId_fkey" FOREIGN KEY ("tenantId", "assigneeId") REFERENCES "Membership"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_leadId_fkey" FOREIGN KEY ("tenantId", "leadId") REFERENCES "Lead"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_opportunityId_fkey" FOREIGN KEY ("tenantId", "opportunityId") REFERENCES "Opportunity"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringRule" ADD CONSTRAINT "ScoringRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation for the CRM tables (same shape as 20261121004814_tenant_isolation: one
-- index-friendly policy for the app's role, everything for the console's role).
ALTER TABLE "Pipeline" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Pipeline" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Pipeline" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Pipeline" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "Stage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Stage" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Stage" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Stage" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "Opportunity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Opportunity" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Opportunity" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Opportunity" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "OpportunityLine" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OpportunityLine" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OpportunityLine" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "OpportunityLine" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "Activity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Activity" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Activity" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Activity" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "Task" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Task" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Task" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Task" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "ScoringRule" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScoringRule" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScoringRule" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "ScoringRule" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "SavedFilter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SavedFilter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SavedFilter" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "SavedFilter" TO linha_admin USING (true) WITH CHECK (true);

-- Invariants the database keeps whatever the code does.
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_employees" CHECK (employees IS NULL OR employees >= 0);
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_tags" CHECK (cardinality(tags) <= 20);
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_probability" CHECK (probability BETWEEN 0 AND 100);
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_rotting_days" CHECK ("rottingDays" IS NULL OR "rottingDays" BETWEEN 1 AND 3650);
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_name" CHECK (length(btrim(name)) > 0);
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_name" CHECK (length(btrim(name)) > 0);
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_title" CHECK (length(btrim(title)) > 0);
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_value" CHECK (value >= 0);
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_closed" CHECK ((status = 'open') = ("closedAt" IS NULL));
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_lost_reason" CHECK (status <> 'lost' OR length(btrim(COALESCE("closeReason", ''))) > 0);
ALTER TABLE "OpportunityLine" ADD CONSTRAINT "OpportunityLine_amounts" CHECK (quantity >= 1 AND "unitPrice" >= 0);
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_subject" CHECK ("leadId" IS NOT NULL OR "opportunityId" IS NOT NULL);
ALTER TABLE "Task" ADD CONSTRAINT "Task_title" CHECK (length(btrim(title)) > 0);
ALTER TABLE "Task" ADD CONSTRAINT "Task_completed_by" CHECK ("completedByUserId" IS NULL OR "completedAt" IS NOT NULL);
ALTER TABLE "ScoringRule" ADD CONSTRAINT "ScoringRule_points" CHECK (points BETWEEN -1000 AND 1000 AND points <> 0);
