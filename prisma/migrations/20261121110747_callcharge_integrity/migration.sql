-- DropForeignKey
ALTER TABLE "CallCharge" DROP CONSTRAINT "CallCharge_tenantId_callId_fkey";

-- DropForeignKey
ALTER TABLE "CallCharge" DROP CONSTRAINT "CallCharge_tenantId_fkey";

-- DropIndex
DROP INDEX "CallCharge_callStartedAt_idx";

-- A charge still belongs to a call of its own tenant, and goes with it; the database keeps both, but
-- once per statement over the rows it wrote instead of by row-level foreign keys. The foreign key
-- to "Call" locked every call a rating run charged (one WAL record per call), and with the one to
-- "Tenant" it made up over half the time of writing a million charges (bench/rating.ts). A call
-- that exists belongs to a tenant that exists ("Call"'s own foreign key), so one check covers both.
-- What the check does not do is lock the calls: a call deleted by another transaction between the
-- check and the commit would leave its charge behind. Calls with charges are ended calls, deleted
-- only with their tenant, and a tenant with calls can only be archived.
CREATE FUNCTION call_charge_has_call() RETURNS trigger LANGUAGE plpgsql
  -- One index probe per written charge: a hash or merge join would read every call each batch.
  SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
DECLARE
  orphan record;
BEGIN
  SELECT n."tenantId", n."callId" INTO orphan FROM written_charges n
  WHERE NOT EXISTS (SELECT 1 FROM "Call" c WHERE c."tenantId" = n."tenantId" AND c.id = n."callId")
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'CallCharge: call % of tenant % does not exist', orphan."callId", orphan."tenantId"
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'CallCharge_call', TABLE = 'CallCharge';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "CallCharge_call_on_insert" AFTER INSERT ON "CallCharge"
  REFERENCING NEW TABLE AS written_charges FOR EACH STATEMENT EXECUTE FUNCTION call_charge_has_call();
CREATE TRIGGER "CallCharge_call_on_update" AFTER UPDATE ON "CallCharge"
  REFERENCING NEW TABLE AS written_charges FOR EACH STATEMENT EXECUTE FUNCTION call_charge_has_call();

-- Deleting calls deletes their charges (what ON DELETE CASCADE did). The app role may delete calls
-- (a provisional click-to-call row) but not charges: the DELETE runs only when a deleted call had
-- one, so deleting a charged call as the app role is refused rather than leaving the charge behind.
CREATE FUNCTION call_charges_follow_calls() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "CallCharge" cc JOIN deleted_calls d ON cc."tenantId" = d."tenantId" AND cc."callId" = d.id) THEN
    DELETE FROM "CallCharge" cc USING deleted_calls d WHERE cc."tenantId" = d."tenantId" AND cc."callId" = d.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Call_delete_charges" AFTER DELETE ON "Call"
  REFERENCING OLD TABLE AS deleted_calls FOR EACH STATEMENT EXECUTE FUNCTION call_charges_follow_calls();
