-- Tenant isolation (DESIGN.md "isolation in depth", layer 4). Hand-written: Prisma keeps custom SQL
-- in migrations and ignores policies when diffing.

-- The role the application connects as: not the tables' owner, not a superuser, no BYPASSRLS.
-- Roles are cluster-wide, so it may exist already (another database on the same server).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'linha_app') THEN
    CREATE ROLE linha_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO linha_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO linha_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO linha_app;
-- Tables added by later migrations (run by the same owner) are granted automatically; their RLS
-- is not: server/db.int.test.ts fails for any table with a "tenantId" column and no forced RLS.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO linha_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO linha_app;
-- Migration bookkeeping is not the app's business. (The table is absent in the shadow database
-- that `migrate dev`/`db:migration` replays migrations into.)
DO $$
BEGIN
  IF to_regclass('public."_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM linha_app;
  END IF;
END
$$;

-- The tenant of the current transaction, set by withTenant() with set_config(..., true).
-- An unset or empty setting yields NULL, which matches no row.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Super-admin work (withAdmin()) sees every tenant.
CREATE OR REPLACE FUNCTION app_is_admin() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT COALESCE(current_setting('app.admin', true), '') = 'on' $$;

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership"
  USING ("tenantId" = app_current_tenant() OR app_is_admin())
  WITH CHECK ("tenantId" = app_current_tenant() OR app_is_admin());

ALTER TABLE "Lead" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Lead" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Lead"
  USING ("tenantId" = app_current_tenant() OR app_is_admin())
  WITH CHECK ("tenantId" = app_current_tenant() OR app_is_admin());

-- Invariants the database keeps whatever the code does.
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_slug_format" CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$' AND slug NOT IN ('admin', 'www', 'api', 'app', 'mail', 'static', 'assets'));
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_cnpj_digits" CHECK (cnpj IS NULL OR cnpj ~ '^[0-9]{14}$');
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK (email = lower(email) AND position('@' in email) > 1);
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_name_not_blank" CHECK (length(btrim(name)) > 0);
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_phone_e164" CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{7,14}$');
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_cnpj_digits" CHECK (cnpj IS NULL OR cnpj ~ '^[0-9]{14}$');
