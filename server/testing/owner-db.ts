import pg from "pg";
import { inject } from "vitest";

// The tables' owner (superuser in the embedded test server): for arranging and checking data
// behind the app's back. Never used by code under test.
let pool: pg.Pool | undefined;

export function ownerPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: inject("ownerUrl"), max: 3 });
  return pool;
}

export async function ownerQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await ownerPool().query<T>(sql, params)).rows;
}

export async function tenantId(slug: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
  if (!row) throw new Error(`no tenant ${slug}`);
  return row.id;
}

/** A connection as the application's role, exactly as the app connects. */
export async function appClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject("appUrl") });
  await client.connect();
  return client;
}
