import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { serverEnv } from "@/lib/env";

// The application connects as `linha_app`: not the tables' owner and not a superuser, so the
// row-level security policies of every tenant-owned table always apply to it.
export type Db = PrismaClient;
/** A client bound to one tenant by a transaction-local `app.tenant_id` setting. */
export type TenantDb = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { linhaDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: serverEnv().APP_DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

/**
 * The unscoped client. Tenant-owned rows are invisible through it (RLS sees no tenant);
 * only platform tables (Tenant, User, Plan) can be read. Import it only from auth, admin and jobs code.
 */
export function platformDb(): PrismaClient {
  globalForDb.linhaDb ??= createClient();
  return globalForDb.linhaDb;
}

type TxOptions = { timeoutMs?: number };

export async function withTenant<T>(tenantId: string, fn: (db: TenantDb) => Promise<T>, options: TxOptions = {}): Promise<T> {
  return platformDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 10_000, maxWait: 5_000 },
  );
}

/** Super-admin work across tenants, as the console's role (its policies see every tenant). */
export async function withAdmin<T>(fn: (db: TenantDb) => Promise<T>, options: TxOptions = {}): Promise<T> {
  return platformDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL ROLE linha_admin`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 10_000, maxWait: 5_000 },
  );
}

export async function pingDatabase(): Promise<number> {
  const started = performance.now();
  await platformDb().$queryRaw`SELECT 1`;
  return performance.now() - started;
}
