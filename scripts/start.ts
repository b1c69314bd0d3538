// `npm start`: database (embedded unless DATABASE_URL) → migrations → app role → demo seed →
// production build if stale → `next start`. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { APP_NODE_FLAGS } from "./lib/app-node-flags";
import { resolve } from "node:path";
import { deployMigrations } from "../prisma/migrate-engine";
import { ADMIN_LOGIN, DEMO_PASSWORD, seedDemo } from "../prisma/seed";
import { enableAppRoleLogin } from "./lib/app-role";
import { buildIsStale } from "./lib/build";
import { EMBEDDED_DATABASE, embeddedPort, localDataDir, openOwnerDatabase } from "./lib/database";
import { loadLocalSecrets } from "./lib/secrets";

const root = resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const dataDir = localDataDir(root);
const port = Number(process.env.PORT ?? 3000);
const rootDomain = process.env.ROOT_DOMAIN ?? "localhost";
const say = (line: string) => console.log(`[linha] ${line}`);
const nextBin = resolve(root, "node_modules/.bin/next");

let stopDatabase = async () => {};

async function main() {
  const secrets = loadLocalSecrets(dataDir);
  const database = await openOwnerDatabase({ dataDir, secrets, port: embeddedPort(), database: EMBEDDED_DATABASE, log: say });
  stopDatabase = database.stop;
  say(`database: ${database.description}`);

  const { applied } = await deployMigrations(database.ownerUrl);
  say(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "migrations: up to date");
  const appUrl = process.env.APP_DATABASE_URL ?? (await enableAppRoleLogin(database.ownerUrl, secrets.appDbPassword));
  if (process.env.SEED !== "0") await seedDemo(database.ownerUrl, { log: say, appSecret: process.env.APP_SECRET ?? secrets.appSecret });

  const env = {
    ...process.env,
    APP_DATABASE_URL: appUrl,
    // pg-boss (the PBX sync queues) creates and partitions its own tables, which linha_app may not.
    DATABASE_URL: database.ownerUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.nextauthSecret,
    APP_SECRET: process.env.APP_SECRET ?? secrets.appSecret,
    ROOT_DOMAIN: rootDomain,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, APP_NODE_FLAGS].filter(Boolean).join(" "),
  };

  if (!dev && (process.env.FORCE_BUILD === "1" || buildIsStale(root))) {
    say("building the app (next build)…");
    const build = spawnSync(nextBin, ["build"], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const server = spawn(nextBin, [dev ? "dev" : "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      announce();
    }
  });

  const shutdown = async (code: number) => {
    server.kill("SIGTERM");
    await stopDatabase().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}

function announce() {
  const base = (label: string | null) => `http://${label ? `${label}.` : ""}${rootDomain}:${port}`;
  say("Linha is running:");
  say(`  sign-in page      ${base(null)}`);
  say(
    `  tenant acme       ${base("acme")}/login    ana@acme.test (admin), marta@acme.test (manager), rui@ and bia@acme.test (reps) / ${DEMO_PASSWORD}`,
  );
  say(`  tenant globex     ${base("globex")}/login  gil@globex.test (admin) / ${DEMO_PASSWORD}`);
  say(`  operator console  ${base("admin")}/login   ${ADMIN_LOGIN.email} / ${ADMIN_LOGIN.password}`);
  say(`  health            ${base(null)}/api/health`);
}

main().catch(async (error: unknown) => {
  console.error(`[linha] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopDatabase().catch(() => {});
  process.exit(1);
});
