-- Tenant isolation (DESIGN.md "isolation in depth", layer 4). Hand-written: Prisma keeps custom SQL
-- in migrations and ignores policies when diffing.

-- linha_app: the role the application connects as. Not the tables' owner, not a superuser, no
-- BYPASSRLS. linha_admin: the operator console's role, which withAdmin() switches to with
-- SET LOCAL ROLE. linha_app is NOINHERIT, so the console's policy never applies to it unless it
-- has switched. Roles are cluster-wide, so they may exist already (another database on the server).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'linha_app') THEN
    CREATE ROLE linha_app NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'linha_admin') THEN
    CREATE ROLE linha_admin NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;
ALTER ROLE linha_app NOINHERIT;
GRANT linha_admin TO linha_app;
-- The owner seeds through the console's role too (it is subject to FORCE ROW LEVEL SECURITY).
GRANT linha_admin TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO linha_app, linha_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO linha_app, linha_admin;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO linha_app, linha_admin;
-- Tables added by later migrations (run by the same owner) are granted automatically; their RLS
-- is not: server/db.int.test.ts fails for any table with a "tenantId" column and no forced RLS.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO linha_app, linha_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO linha_app, linha_admin;

-- Migration bookkeeping is not the app's business. (The table is absent in the shadow database
-- that `migrate dev`/`db:migration` replays migrations into.)
DO $$
BEGIN
  IF to_regclass('public."_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM linha_app, linha_admin;
  END IF;
END
$$;

-- The tenant of the current transaction, set by withTenant() with set_config(..., true).
-- An unset or empty setting yields NULL, which matches no row. STABLE and inlinable, so
-- `"tenantId" = app_current_tenant()` is an index condition: each policy has exactly that shape
-- (an OR in it would turn every query into a scan of all tenants' rows).
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Membership" TO linha_admin USING (true) WITH CHECK (true);

ALTER TABLE "Lead" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Lead" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Lead" TO linha_app
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
CREATE POLICY operator_console ON "Lead" TO linha_admin USING (true) WITH CHECK (true);

-- Invariants the database keeps whatever the code does.
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_slug_format" CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$' AND slug NOT IN ('admin', 'www', 'api', 'app', 'mail', 'static', 'assets'));
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_cnpj_digits" CHECK (cnpj IS NULL OR cnpj ~ '^[0-9]{14}$');
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK (email = lower(email) AND position('@' in email) > 1);
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_name_not_blank" CHECK (length(btrim(name)) > 0);
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_phone_e164" CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{7,14}$');
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_cnpj_digits" CHECK (cnpj IS NULL OR cnpj ~ '^[0-9]{14}$');
