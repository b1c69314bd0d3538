// Runs `prisma generate` without letting Prisma download its schema engine: generate never
// executes the engine, but refuses to start unless PRISMA_SCHEMA_ENGINE_BINARY names a file.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const stubDir = join(tmpdir(), "linha-prisma-stub");
const stub = join(stubDir, "schema-engine");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine stub: use npm run db:migrate' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
