-- CreateEnum
CREATE TYPE "RateDeckKind" AS ENUM ('buy', 'sell');

-- CreateEnum
CREATE TYPE "RateDeckChange" AS ENUM ('created', 'imported', 'edited', 'restored');

-- CreateEnum
CREATE TYPE "ChargeStatus" AS ENUM ('rated', 'unratable');

-- CreateEnum
CREATE TYPE "BillingRunKind" AS ENUM ('rate', 'rerate', 'invoice');

-- CreateEnum
CREATE TYPE "BillingRunStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('draft', 'issued', 'paid', 'void');

-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('plan', 'did', 'usage', 'tax');

-- AlterTable
ALTER TABLE "Did" ADD COLUMN     "inboundCostPerMinuteMicros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "inboundPricePerMinuteMicros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "monthlyPrice" DECIMAL(10,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RateDeck" (
    "id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "kind" "RateDeckKind" NOT NULL,
    "providerId" UUID,
    "gatewayId" UUID,
    "planId" UUID,
    "tenantId" UUID,
    "currentVersionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateDeck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateDeckVersion" (
    "id" UUID NOT NULL,
    "deckId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "change" "RateDeckChange" NOT NULL,
    "note" VARCHAR(200),
    "rateCount" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateDeckVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rate" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "prefix" VARCHAR(15) NOT NULL,
    "description" VARCHAR(120) NOT NULL,
    "pricePerMinuteMicros" BIGINT NOT NULL,
    "connectionFeeMicros" BIGINT NOT NULL DEFAULT 0,
    "minSeconds" INTEGER NOT NULL DEFAULT 0,
    "incrementSeconds" INTEGER NOT NULL DEFAULT 1,
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL,
    "effectiveTo" TIMESTAMPTZ(3),

    CONSTRAINT "Rate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxRate" (
    "id" UUID NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "basisPoints" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TaxRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallCharge" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "callStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "status" "ChargeStatus" NOT NULL,
    "unratableReason" VARCHAR(40),
    "destination" VARCHAR(120),
    "answeredSec" INTEGER NOT NULL,
    "billedSecSell" INTEGER NOT NULL,
    "billedSecBuy" INTEGER NOT NULL,
    "priceMicros" BIGINT,
    "costMicros" BIGINT,
    "marginMicros" BIGINT,
    "sellRateId" UUID,
    "buyRateId" UUID,
    "gatewayName" VARCHAR(64),
    "providerId" UUID,
    "ratingRunId" UUID,
    "ratedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallCharge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingRun" (
    "id" UUID NOT NULL,
    "kind" "BillingRunKind" NOT NULL,
    "status" "BillingRunStatus" NOT NULL DEFAULT 'queued',
    "periodStart" TIMESTAMPTZ(3),
    "periodEnd" TIMESTAMPTZ(3),
    "tenantId" UUID,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "unratable" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error" VARCHAR(500),
    "requestedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BillingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "period" DATE NOT NULL,
    "number" VARCHAR(20),
    "status" "InvoiceStatus" NOT NULL DEFAULT 'draft',
    "currency" CHAR(3) NOT NULL DEFAULT 'BRL',
    "subtotalCents" BIGINT NOT NULL,
    "taxCents" BIGINT NOT NULL,
    "totalCents" BIGINT NOT NULL,
    "unratableCalls" INTEGER NOT NULL DEFAULT 0,
    "generatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedAt" TIMESTAMPTZ(3),
    "dueAt" DATE,
    "paidAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" VARCHAR(200),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InvoiceLineKind" NOT NULL,
    "description" VARCHAR(160) NOT NULL,
    "quantity" INTEGER,
    "billedSeconds" BIGINT,
    "basisPoints" INTEGER,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DidAllocation" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "didId" UUID NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "fromAt" TIMESTAMPTZ(3) NOT NULL,
    "toAt" TIMESTAMPTZ(3),

    CONSTRAINT "DidAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RateDeck_name_key" ON "RateDeck"("name");

-- CreateIndex
CREATE UNIQUE INDEX "RateDeck_currentVersionId_key" ON "RateDeck"("currentVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "RateDeckVersion_deckId_number_key" ON "RateDeckVersion"("deckId", "number");

-- CreateIndex
CREATE INDEX "Rate_versionId_prefix_idx" ON "Rate"("versionId", "prefix");

-- CreateIndex
CREATE UNIQUE INDEX "TaxRate_name_key" ON "TaxRate"("name");

-- CreateIndex
CREATE INDEX "CallCharge_tenantId_callStartedAt_idx" ON "CallCharge"("tenantId", "callStartedAt");

-- CreateIndex
CREATE INDEX "CallCharge_callStartedAt_idx" ON "CallCharge"("callStartedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallCharge_tenantId_callId_key" ON "CallCharge"("tenantId", "callId");

-- CreateIndex
CREATE INDEX "BillingRun_createdAt_idx" ON "BillingRun"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_tenantId_period_idx" ON "Invoice"("tenantId", "period" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_tenantId_id_key" ON "Invoice"("tenantId", "id");

-- CreateIndex
CREATE INDEX "InvoiceLine_tenantId_invoiceId_idx" ON "InvoiceLine"("tenantId", "invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "DidAllocation_tenantId_fromAt_idx" ON "DidAllocation"("tenantId", "fromAt");

-- CreateIndex
CREATE INDEX "DidAllocation_didId_idx" ON "DidAllocation"("didId");

-- AddForeignKey
ALTER TABLE "RateDeck" ADD CONSTRAINT "RateDeck_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateDeck" ADD CONSTRAINT "RateDeck_gatewayId_fkey" FOREIGN KEY ("gatewayId") REFERENCES "Gateway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateDeck" ADD CONSTRAINT "RateDeck_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateDeck" ADD CONSTRAINT "RateDeck_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateDeck" ADD CONSTRAINT "RateDeck_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "RateDeckVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateDeckVersion" ADD CONSTRAINT "RateDeckVersion_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "RateDeck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rate" ADD CONSTRAINT "Rate_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RateDeckVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallCharge" ADD CONSTRAINT "CallCharge_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallCharge" ADD CONSTRAINT "CallCharge_tenantId_callId_fkey" FOREIGN KEY ("tenantId", "callId") REFERENCES "Call"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingRun" ADD CONSTRAINT "BillingRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_tenantId_invoiceId_fkey" FOREIGN KEY ("tenantId", "invoiceId") REFERENCES "Invoice"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidAllocation" ADD CONSTRAINT "DidAllocation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidAllocation" ADD CONSTRAINT "DidAllocation_didId_fkey" FOREIGN KEY ("didId") REFERENCES "Did"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------- by hand: isolation
-- Tenant-owned billing tables: forced RLS, the app role sees its own tenant, the console all.
ALTER TABLE "CallCharge" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CallCharge" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CallCharge" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "CallCharge" TO linha_admin USING (true) WITH CHECK (true);
ALTER TABLE "Invoice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invoice" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invoice" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Invoice" TO linha_admin USING (true) WITH CHECK (true);
ALTER TABLE "InvoiceLine" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InvoiceLine" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InvoiceLine" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "InvoiceLine" TO linha_admin USING (true) WITH CHECK (true);
ALTER TABLE "DidAllocation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DidAllocation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DidAllocation" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "DidAllocation" TO linha_admin USING (true) WITH CHECK (true);
-- Operator tables that name a tenant (a tenant's own sell deck, a run for one tenant): RLS like the
-- rest, and below the app role loses its grants on them altogether.
ALTER TABLE "RateDeck" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RateDeck" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RateDeck" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "RateDeck" TO linha_admin USING (true) WITH CHECK (true);
ALTER TABLE "BillingRun" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BillingRun" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BillingRun" TO linha_app USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "BillingRun" TO linha_admin USING (true) WITH CHECK (true);

-- What a tenant may never read or write, enforced by the database whatever a handler asks:
-- buy prices, decks, runs and taxes are operator data; charges and invoices are read-only for the
-- tenant, and a charge's cost, margin and buy side are not readable at all.
REVOKE ALL ON TABLE "RateDeck", "RateDeckVersion", "Rate", "TaxRate", "BillingRun" FROM linha_app;
REVOKE ALL ON TABLE "CallCharge", "Invoice", "InvoiceLine", "DidAllocation" FROM linha_app;
GRANT SELECT ("id", "tenantId", "callId", "callStartedAt", "direction", "number", "status", "unratableReason", "destination",
  "answeredSec", "billedSecSell", "priceMicros", "ratedAt") ON "CallCharge" TO linha_app;
GRANT SELECT ON TABLE "Invoice", "InvoiceLine", "DidAllocation" TO linha_app;

-- ---------------------------------------------------------------- by hand: invariants
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "RateDeck" ADD CONSTRAINT "RateDeck_owner" CHECK (
  ("kind" = 'buy' AND "providerId" IS NOT NULL AND "planId" IS NULL AND "tenantId" IS NULL)
  OR ("kind" = 'sell' AND "providerId" IS NULL AND "gatewayId" IS NULL AND ("planId" IS NULL) <> ("tenantId" IS NULL)));
ALTER TABLE "RateDeck" ADD CONSTRAINT "RateDeck_name" CHECK (length(btrim("name")) > 0);
-- One deck per owner: a provider's own, each gateway's, each plan's, each tenant's.
CREATE UNIQUE INDEX "RateDeck_provider_key" ON "RateDeck" ("providerId") WHERE "kind" = 'buy' AND "gatewayId" IS NULL;
CREATE UNIQUE INDEX "RateDeck_gateway_key" ON "RateDeck" ("gatewayId") WHERE "gatewayId" IS NOT NULL;
CREATE UNIQUE INDEX "RateDeck_plan_key" ON "RateDeck" ("planId") WHERE "planId" IS NOT NULL;
CREATE UNIQUE INDEX "RateDeck_tenant_key" ON "RateDeck" ("tenantId") WHERE "tenantId" IS NOT NULL;

ALTER TABLE "RateDeckVersion" ADD CONSTRAINT "RateDeckVersion_counts" CHECK (
  "number" >= 1 AND "rateCount" >= 0 AND "added" >= 0 AND "changed" >= 0 AND "removed" >= 0);

ALTER TABLE "Rate" ADD CONSTRAINT "Rate_prefix" CHECK ("prefix" ~ '^[0-9]{1,15}$');
ALTER TABLE "Rate" ADD CONSTRAINT "Rate_description" CHECK (length(btrim("description")) > 0);
ALTER TABLE "Rate" ADD CONSTRAINT "Rate_money" CHECK ("pricePerMinuteMicros" >= 0 AND "connectionFeeMicros" >= 0);
ALTER TABLE "Rate" ADD CONSTRAINT "Rate_seconds" CHECK ("minSeconds" >= 0 AND "minSeconds" <= 3600 AND "incrementSeconds" >= 1 AND "incrementSeconds" <= 3600);
ALTER TABLE "Rate" ADD CONSTRAINT "Rate_period" CHECK ("effectiveTo" IS NULL OR "effectiveTo" > "effectiveFrom");
-- A prefix has one price at any instant of a version.
ALTER TABLE "Rate" ADD CONSTRAINT "Rate_no_overlap" EXCLUDE USING gist (
  "versionId" WITH =, "prefix" WITH =, tstzrange("effectiveFrom", "effectiveTo", '[)') WITH &&);

ALTER TABLE "TaxRate" ADD CONSTRAINT "TaxRate_basis_points" CHECK ("basisPoints" >= 0 AND "basisPoints" <= 10000);
ALTER TABLE "TaxRate" ADD CONSTRAINT "TaxRate_name" CHECK (length(btrim("name")) > 0);

ALTER TABLE "CallCharge" ADD CONSTRAINT "CallCharge_number" CHECK ("number" ~ '^[0-9]{1,20}$');
ALTER TABLE "CallCharge" ADD CONSTRAINT "CallCharge_seconds" CHECK ("answeredSec" >= 0 AND "billedSecSell" >= 0 AND "billedSecBuy" >= 0);
-- A rated call has both sides and its margin; an unratable one says why.
ALTER TABLE "CallCharge" ADD CONSTRAINT "CallCharge_rated" CHECK (
  ("status" = 'rated' AND "priceMicros" IS NOT NULL AND "costMicros" IS NOT NULL AND "marginMicros" = "priceMicros" - "costMicros" AND "unratableReason" IS NULL)
  OR ("status" = 'unratable' AND "unratableReason" IS NOT NULL));
ALTER TABLE "CallCharge" ADD CONSTRAINT "CallCharge_money" CHECK (("priceMicros" IS NULL OR "priceMicros" >= 0) AND ("costMicros" IS NULL OR "costMicros" >= 0));

ALTER TABLE "BillingRun" ADD CONSTRAINT "BillingRun_period" CHECK (
  ("periodStart" IS NULL) = ("periodEnd" IS NULL) AND ("periodEnd" IS NULL OR "periodEnd" > "periodStart")
  AND ("kind" = 'rate' OR "periodStart" IS NOT NULL));
ALTER TABLE "BillingRun" ADD CONSTRAINT "BillingRun_counts" CHECK ("total" >= 0 AND "processed" >= 0 AND "rated" >= 0 AND "unratable" >= 0 AND "skipped" >= 0);

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_period" CHECK (extract(day FROM "period") = 1);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_totals" CHECK ("subtotalCents" >= 0 AND "taxCents" >= 0 AND "totalCents" = "subtotalCents" + "taxCents");
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_status" CHECK (
  ("status" = 'draft' AND "number" IS NULL AND "issuedAt" IS NULL AND "paidAt" IS NULL AND "voidedAt" IS NULL)
  OR ("status" = 'issued' AND "number" IS NOT NULL AND "issuedAt" IS NOT NULL AND "paidAt" IS NULL AND "voidedAt" IS NULL)
  OR ("status" = 'paid' AND "number" IS NOT NULL AND "issuedAt" IS NOT NULL AND "paidAt" IS NOT NULL AND "voidedAt" IS NULL)
  OR ("status" = 'void' AND "voidedAt" IS NOT NULL AND "paidAt" IS NULL));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_issuable" CHECK ("status" = 'draft' OR "status" = 'void' OR "unratableCalls" = 0);
-- One live invoice per tenant and month; a voided one can be replaced.
CREATE UNIQUE INDEX "Invoice_tenant_period_key" ON "Invoice" ("tenantId", "period") WHERE "status" <> 'void';
CREATE SEQUENCE "invoice_number_seq" AS bigint START 1;
GRANT USAGE, SELECT ON SEQUENCE "invoice_number_seq" TO linha_admin;

ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_position" CHECK ("position" >= 1);
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_amount" CHECK ("amountCents" >= 0);
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_shape" CHECK (
  ("kind" = 'tax') = ("basisPoints" IS NOT NULL) AND ("kind" <> 'usage' OR "billedSeconds" IS NOT NULL));

ALTER TABLE "Did" ADD CONSTRAINT "Did_prices" CHECK (
  "monthlyPrice" >= 0 AND "inboundCostPerMinuteMicros" >= 0 AND "inboundPricePerMinuteMicros" >= 0);

ALTER TABLE "DidAllocation" ADD CONSTRAINT "DidAllocation_period" CHECK ("toAt" IS NULL OR "toAt" >= "fromAt");
CREATE UNIQUE INDEX "DidAllocation_open_key" ON "DidAllocation" ("didId") WHERE "toAt" IS NULL;

-- Who held a number when, kept by the database itself whichever code allocates or releases it.
CREATE FUNCTION did_allocation_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."tenantId" IS NOT DISTINCT FROM NEW."tenantId" THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."tenantId" IS NOT NULL THEN
    UPDATE "DidAllocation" SET "toAt" = now() WHERE "didId" = OLD.id AND "toAt" IS NULL;
  END IF;
  IF NEW."tenantId" IS NOT NULL THEN
    INSERT INTO "DidAllocation" (id, "tenantId", "didId", number, "fromAt")
    VALUES (gen_random_uuid(), NEW."tenantId", NEW.id, NEW.number, COALESCE(NEW."allocatedAt", now()));
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Did_allocation_history" AFTER INSERT OR UPDATE OF "tenantId" ON "Did"
  FOR EACH ROW EXECUTE FUNCTION did_allocation_history();
INSERT INTO "DidAllocation" (id, "tenantId", "didId", number, "fromAt")
  SELECT gen_random_uuid(), "tenantId", id, number, COALESCE("allocatedAt", "createdAt") FROM "Did" WHERE "tenantId" IS NOT NULL;
