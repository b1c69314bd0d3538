import { join, resolve } from "node:path";
import { ensureDatabaseExists, startEmbeddedPostgres } from "./embedded-postgres";
import type { LocalSecrets } from "./secrets";

export type OwnerDatabase = { ownerUrl: string; description: string; stop(): Promise<void> };

/**
 * DATABASE_URL (the tables' owner, used for migrations and seeding) when set; otherwise an
 * embedded PostgreSQL kept in the data folder.
 */
export const EMBEDDED_DATABASE = "linha";

export function localDataDir(root: string): string {
  return resolve(root, process.env.LINHA_DATA_DIR ?? ".data");
}

export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

export async function openOwnerDatabase(options: {
  dataDir: string;
  secrets: LocalSecrets;
  port: number;
  database: string;
  ifRunning?: "restart" | "reuse";
  log: (line: string) => void;
}): Promise<OwnerDatabase> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return { ownerUrl: process.env.DATABASE_URL, description: `PostgreSQL at ${url.host}${url.pathname}`, stop: async () => {} };
  }
  const databaseDir = join(options.dataDir, "postgres");
  const server = await startEmbeddedPostgres({
    databaseDir,
    port: options.port,
    password: options.secrets.postgresPassword,
    ifRunning: options.ifRunning,
    log: options.log,
  });
  await ensureDatabaseExists(server.url("postgres"), options.database);
  return {
    ownerUrl: server.url(options.database),
    description: `embedded PostgreSQL in ${databaseDir} (port ${options.port})`,
    stop: () => server.stop(),
  };
}
