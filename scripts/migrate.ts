// Offline stand-in for `prisma migrate deploy | dev --create-only | status` (see prisma/migrate-engine.ts).
//   tsx scripts/migrate.ts deploy
//   tsx scripts/migrate.ts create <name>
//   tsx scripts/migrate.ts status
import path from "node:path";
import { createMigration, deployMigrations, migrationStatus } from "../prisma/migrate-engine";
import { EMBEDDED_DATABASE, embeddedPort, localDataDir, openOwnerDatabase } from "./lib/database";
import { loadLocalSecrets } from "./lib/secrets";

let closeDatabase = async () => {};

/** DATABASE_URL, or the embedded PostgreSQL that `npm start` uses (started if it isn't running). */
async function ownerDatabaseUrl(): Promise<string> {
  const dataDir = localDataDir(process.cwd());
  const database = await openOwnerDatabase({
    dataDir,
    secrets: loadLocalSecrets(dataDir),
    port: embeddedPort(),
    database: EMBEDDED_DATABASE,
    ifRunning: "reuse",
    log: (line) => console.log(line),
  });
  closeDatabase = database.stop;
  return database.ownerUrl;
}

const USAGE = "usage: tsx scripts/migrate.ts deploy | create <name> | status";

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === "deploy" && rest.length === 0) return deploy();
  if (command === "create" && rest.length === 1) return create(rest[0]!);
  if (command === "status" && rest.length === 0) return status();
  fail(USAGE);
}

async function deploy(): Promise<void> {
  const { applied } = await deployMigrations(await ownerDatabaseUrl());
  if (applied.length === 0) console.log("no pending migrations");
  for (const name of applied) console.log(`applied ${name}`);
}

async function create(name: string): Promise<void> {
  const directory = await createMigration(await ownerDatabaseUrl(), name);
  if (directory === null) console.log("no schema changes");
  else console.log(`wrote ${path.relative(process.cwd(), path.join(directory, "migration.sql"))}`);
}

/** Exits 1 unless the database is up to date, like `prisma migrate status`. */
async function status(): Promise<void> {
  const { applied, pending, problems } = await migrationStatus(await ownerDatabaseUrl());
  for (const name of applied) console.log(`applied  ${name}`);
  for (const name of pending) console.log(`pending  ${name}`);
  for (const problem of problems) console.log(`problem  ${problem}`);
  if (pending.length === 0 && problems.length === 0) console.log("database is up to date");
  else process.exitCode = 1;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
