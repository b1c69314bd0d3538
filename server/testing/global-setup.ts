import { mkdtempSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "@/prisma/migrate-engine";
import { seedDemo } from "@/prisma/seed";
import { TEST_APP_SECRET } from "./test-secrets";
import { enableAppRoleLogin } from "@/scripts/lib/app-role";
import { freePort } from "@/scripts/lib/free-port";
import { ensureDatabaseExists, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
  }
}

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process with
 * process.exit(0): it overrode the exit code 1 vitest sets when a test fails, so a failing run
 * exited 0 and CI could not fail. An explicit 0 now keeps an exit code already set.
 */
function keepFailingExitCode(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
}

/** A throw-away database, migrated and seeded with a small demo, shared by every test file. */
export default async function setup(project: TestProject) {
  keepFailingExitCode();
  let stop = async () => {};
  let ownerUrl = process.env.TEST_DATABASE_URL;
  if (!ownerUrl) {
    const dir = mkdtempSync(join(tmpdir(), "linha-test-"));
    chmodSync(dir, 0o777);
    const server = await startEmbeddedPostgres({
      databaseDir: join(dir, "postgres"),
      port: await freePort(),
      password: "linha-test",
      persistent: false,
    });
    await ensureDatabaseExists(server.url("postgres"), "linha_test");
    ownerUrl = server.url("linha_test");
    stop = server.stop;
  }
  await deployMigrations(ownerUrl);
  const appUrl = await enableAppRoleLogin(ownerUrl, "linha-app-test");
  await seedDemo(ownerUrl, { leadsPerTenant: 40, appSecret: process.env.APP_SECRET ?? TEST_APP_SECRET });
  project.provide("ownerUrl", ownerUrl);
  project.provide("appUrl", appUrl);
  return stop;
}
