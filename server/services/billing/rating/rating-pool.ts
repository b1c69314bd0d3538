import pg from "pg";
import { serverEnv } from "@/lib/env";
import { logger } from "@/server/logger";

// Raw pg connections for the rating run: COPY in and out is not something Prisma does, and a run
// streams a million rows. They connect like the app (linha_app) and switch to the console's role
// (linha_admin) as withAdmin() does, so row-level security applies to COPY as to everything else.

const globalForRating = globalThis as unknown as { linhaRatingPool?: pg.Pool };

function ratingPool(): pg.Pool {
  if (!globalForRating.linhaRatingPool) {
    const pool = new pg.Pool({
      connectionString: serverEnv().APP_DATABASE_URL,
      // A run uses four at once (reader, two writers, progress); one more for a claim or a query.
      max: 6,
      idleTimeoutMillis: 30_000,
      application_name: "linha-rating",
    });
    pool.on("error", (error) => logger.warn({ err: error }, "idle rating connection failed"));
    globalForRating.linhaRatingPool = pool;
  }
  return globalForRating.linhaRatingPool;
}

/** A pooled connection in the console's role. Release it with `release(true)` after a failure. */
export async function adminConnection(): Promise<pg.PoolClient> {
  const client = await ratingPool().connect();
  try {
    await client.query("SET ROLE linha_admin");
  } catch (error) {
    client.release(true);
    throw error;
  }
  return client;
}

/** Closes the pool (scripts and benchmarks, before exiting). */
export async function closeRatingPool(): Promise<void> {
  const pool = globalForRating.linhaRatingPool;
  globalForRating.linhaRatingPool = undefined;
  await pool?.end();
}

/** A dedicated connection outside the pool (advisory locks live as long as their session). */
export function dedicatedConnection(applicationName: string): pg.Client {
  return new pg.Client({ connectionString: serverEnv().APP_DATABASE_URL, application_name: applicationName });
}
