// Benchmarks the leads work queue: `leads.list` first page filtered by owner AND a score range,
// sorted by last contact, through the real tenant-bound path (tRPC procedure → withTenant under
// RLS → Prisma), against a throw-away PostgreSQL holding 100,000 leads in the measured tenant and
// 1,000,000 leads in all. Prints p50/p95/p99, the EXPLAIN (ANALYZE) of the list query as the app
// role, and exits non-zero when a scenario's p95 reaches the budget.
//
//   npm run bench:leads-queue
//   BENCH_TENANT_LEADS=20000 BENCH_TOTAL_LEADS=100000 BENCH_ITERATIONS=200 npm run bench:leads-queue
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Session } from "next-auth";
import pg from "pg";
import { parseHost } from "@/lib/host";
import { LeadListInput } from "@/lib/schemas/lead";
import { PrismaClient } from "@/prisma/generated/client";
import { deployMigrations } from "@/prisma/migrate-engine";
import { seedDemo } from "@/prisma/seed";
import { enableAppRoleLogin } from "@/scripts/lib/app-role";
import { freePort } from "@/scripts/lib/free-port";
import { ensureDatabaseExists, startEmbeddedPostgres, type RunningPostgres } from "@/scripts/lib/embedded-postgres";
import type { CrmViewer } from "@/server/services/crm/access";
import type { createCaller } from "@/server/trpc/root";

type Caller = ReturnType<typeof createCaller>;

const TENANT_LEADS = positiveInt("BENCH_TENANT_LEADS", 100_000);
const TOTAL_LEADS = positiveInt("BENCH_TOTAL_LEADS", 1_000_000);
const OTHER_TENANTS = positiveInt("BENCH_OTHER_TENANTS", 30);
const MEMBERS = 10;
const ITERATIONS = positiveInt("BENCH_ITERATIONS", 300);
const WARMUP = positiveInt("BENCH_WARMUP", 30);
const BUDGET_P95_MS = 100;
const PAGE_SIZE = 25;
const SCORE_RANGE = { scoreMin: 60, scoreMax: 100 };
const SLUG = "fila";

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// ------------------------------------------------------------------------------ data

async function withOwner<T>(ownerUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const FIRST = ["João", "Maria", "José", "Ana", "Carlos", "Francisca", "Paulo", "Juliana", "Lucas", "Fernanda", "Rafael", "Beatriz"];
const LAST = ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro"];
const COMPANY = ["Vale Verde", "Serra Azul", "Sol Nascente", "Bela Vista", "Tecnoserv", "Agromax", "Multitel", "Ecomed", "Unifort"];
const TAGS = ["vip", "retorno", "zona sul", "indústria", "varejo", "b2b", "evento 2026", "indicação", "frio", "licitação"];

/**
 * Members of a tenant: one manager and reps, with their users (emails unique per tenant slug).
 * Returns the membership ids in creation order (the first is the manager).
 */
async function addMembers(client: pg.Client, tenantId: string, slug: string, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `WITH users AS (
       INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
       SELECT uuidv7(), $2 || '-' || g || '@bench.test', ($3::text[])[1 + g % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (g * 7) % cardinality($4::text[])], 'x', now()
       FROM generate_series(1, $5::int) g
       RETURNING id, email)
     INSERT INTO "Membership" (id, "tenantId", "userId", role)
     SELECT uuidv7(), $1, id, (CASE WHEN email LIKE $2 || '-1@%' THEN 'manager' ELSE 'rep' END)::"MemberRole" FROM users
     RETURNING id`,
    [tenantId, slug, FIRST, LAST, count],
  );
  return rows.map((r) => r.id);
}

/**
 * Leads for one tenant in one set-based statement (generate_series, volatile random() drawn once
 * per row in `picks`): owners spread over the members with 10% unassigned, scores 0–100, last
 * contact within 180 days for ~80% (NULL = never for the rest), 0–3 tags.
 */
const INSERT_LEADS = `
WITH picks AS (
  SELECT g, random() AS r_owner, random() AS r_contact, random() AS r_status, random() AS r_tags,
    floor(random() * 101)::int AS score,
    now() - random() * interval '730 days' AS created,
    now() - random() * interval '180 days' AS contacted,
    ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS first,
    ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] AS last,
    ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] AS company,
    ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS tag1,
    ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS tag2,
    ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int] AS member
  FROM generate_series(1, $7::int) AS g
)
INSERT INTO "Lead" (id, "tenantId", name, company, email, phone, source, status, "ownerId", score, tags, "lastContactAt", employees, "createdAt", "updatedAt")
SELECT uuidv7(created - clock_timestamp()), $1::uuid, first || ' ' || last, company || ' Ltda',
  lower(translate(first || '.' || last, 'ãáéíóôúç', 'aaeioouc')) || g || '@exemplo.com.br',
  '+55119' || lpad((floor(random() * 1e8))::bigint::text, 8, '0'),
  'website'::"LeadSource", (CASE WHEN r_status < 0.4 THEN 'new' WHEN r_status < 0.7 THEN 'contacted' ELSE 'qualified' END)::"LeadStatus",
  CASE WHEN r_owner < 0.9 THEN member END, score,
  CASE WHEN r_tags < 0.3 THEN '{}'::text[] WHEN r_tags < 0.7 THEN ARRAY[tag1] WHEN tag1 = tag2 THEN ARRAY[tag1] ELSE ARRAY[tag1, tag2] END,
  CASE WHEN r_contact < 0.8 THEN contacted END,
  (g % 500) + 1, created, created
FROM picks`;

async function prepareDatabase(ownerUrl: string): Promise<{ appUrl: string; tenantId: string; members: string[] }> {
  await deployMigrations(ownerUrl);
  const appUrl = await enableAppRoleLogin(ownerUrl, "linha-app-bench");
  await seedDemo(ownerUrl, { leadsPerTenant: 20 });
  const generated = performance.now();
  const result = await withOwner(ownerUrl, async (client) => {
    await client.query("SELECT setseed(0.42)");
    const { rows: plans } = await client.query<{ id: string }>(`SELECT id FROM "Plan" ORDER BY code LIMIT 1`);
    const newTenant = async (slug: string) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "Tenant" (id, slug, name, "planId", "updatedAt") VALUES (uuidv7(), $1, $2, $3, now()) RETURNING id`,
        [slug, `Empresa ${slug}`, plans[0]!.id],
      );
      return rows[0]!.id;
    };
    const tenantId = await newTenant(SLUG);
    const members = await addMembers(client, tenantId, SLUG, MEMBERS);
    await client.query(INSERT_LEADS, [tenantId, members, FIRST, LAST, COMPANY, TAGS, TENANT_LEADS]);
    const rest = Math.max(0, TOTAL_LEADS - TENANT_LEADS);
    for (let i = 0; i < OTHER_TENANTS && rest > 0; i++) {
      const other = await newTenant(`outra-${i}`);
      const otherMembers = await addMembers(client, other, `outra-${i}`, 4);
      await client.query(INSERT_LEADS, [other, otherMembers, FIRST, LAST, COMPANY, TAGS, Math.ceil(rest / OTHER_TENANTS)]);
    }
    // VACUUM sets the visibility map, so counts can be answered from the index alone, as on a
    // database that has been running for a while.
    await client.query("VACUUM ANALYZE");
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Lead"`);
    console.log(
      `generated ${Number(rows[0]!.n).toLocaleString("en")} leads (${TENANT_LEADS.toLocaleString("en")} in "${SLUG}") in ${seconds(generated)}`,
    );
    return { tenantId, members };
  });
  return { appUrl, ...result };
}

// ------------------------------------------------------------------------------ measuring

type Stats = { n: number; p50: number; p95: number; p99: number; mean: number };

function summarize(durations: number[]): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), mean: sorted.reduce((s, d) => s + d, 0) / sorted.length };
}

/** Calls one after another: latency as a user feels it, not throughput. */
async function measure(run: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  return summarize(durations);
}

async function callerFor(ownerUrl: string, membershipId: string): Promise<Caller> {
  const { createCaller } = await import("@/server/trpc/root");
  const user = await withOwner(ownerUrl, async (client) => {
    const { rows } = await client.query<{ id: string; email: string; name: string }>(
      `SELECT u.id, u.email, u.name FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m.id = $1`,
      [membershipId],
    );
    return rows[0]!;
  });
  const target = parseHost(`${SLUG}.localhost`, "localhost");
  const session: Session = {
    user: { id: user.id, email: user.email, name: user.name, scope: `tenant:${SLUG}`, locale: "pt-BR" },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
  return createCaller({ target, session, locale: "pt-BR", ip: "127.0.0.1", apiKey: null, origin: "http://localhost:3000" });
}

/**
 * The SQL Prisma sends for listLeads (captured from its query log, so it is the real statement),
 * then EXPLAIN (ANALYZE, BUFFERS) of each statement as linha_app inside a transaction bound to
 * the tenant, exactly as withTenant() runs it.
 */
async function explainList(appUrl: string, tenantId: string, viewer: CrmViewer, input: LeadListInput): Promise<void> {
  const { listLeads } = await import("@/server/services/leads/list-leads");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl }), log: [{ emit: "event", level: "query" }] });
  const captured: { query: string; params: string }[] = [];
  prisma.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    await listLeads(tx, LeadListInput.parse(input), viewer);
  });
  await prisma.$disconnect();
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    for (const { query, params } of captured.filter((c) => /FROM "public"\."Lead"/.test(c.query))) {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, JSON.parse(params) as unknown[]);
      await client.query("COMMIT");
      console.log(`\n${query}\n${rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
    }
  } finally {
    await client.end();
  }
}

async function run(ownerUrl: string, appUrl: string, tenantId: string, members: string[]): Promise<boolean> {
  const [managerId, repId, , otherRepId] = members as [string, string, string, string];
  const rep = await callerFor(ownerUrl, repId);
  const manager = await callerFor(ownerUrl, managerId);
  const sort = { by: "lastContact", dir: "desc" } as const;
  const scenarios: { name: string; caller: Caller; input: LeadListInput; viewer: CrmViewer }[] = [
    {
      name: `rep: own leads, score ${SCORE_RANGE.scoreMin}–${SCORE_RANGE.scoreMax}, by last contact`,
      caller: rep,
      input: { owner: "me", ...SCORE_RANGE, sort, limit: PAGE_SIZE },
      viewer: { role: "rep", membershipId: repId, visibility: "owner" },
    },
    {
      name: `manager: one rep's leads, score ${SCORE_RANGE.scoreMin}–${SCORE_RANGE.scoreMax}, by last contact`,
      caller: manager,
      input: { owner: otherRepId, ...SCORE_RANGE, sort, limit: PAGE_SIZE },
      viewer: { role: "manager", membershipId: managerId, visibility: "owner" },
    },
    {
      name: "manager: whole tenant, by last contact (count capped)",
      caller: manager,
      input: { sort, limit: PAGE_SIZE },
      viewer: { role: "manager", membershipId: managerId, visibility: "owner" },
    },
  ];

  console.log(`\ntiming ${ITERATIONS} calls per scenario after ${WARMUP} warm-up calls (p95 budget ${BUDGET_P95_MS} ms)`);
  console.log('the page asks leads.list (withTotal: false) for its rows, then leads.count for the "1–25 of N" line\n');
  const results: { name: string; stats: Stats; total: string; budgeted: boolean }[] = [];
  for (const s of scenarios) {
    const { total, capped } = await s.caller.leads.count(s.input);
    const matching = `${total}${capped ? "+" : ""}`;
    const page = { ...s.input, withTotal: false };
    results.push({
      name: `${s.name} — leads.list`,
      stats: await measure(() => s.caller.leads.list(page)),
      total: matching,
      budgeted: true,
    });
    results.push({
      name: `${s.name} — leads.count`,
      stats: await measure(() => s.caller.leads.count(s.input)),
      total: matching,
      budgeted: true,
    });
    // An API client that keeps the default (page and count in one call), for comparison only.
    results.push({
      name: `${s.name} — leads.list withTotal (API default)`,
      stats: await measure(() => s.caller.leads.list(s.input)),
      total: matching,
      budgeted: false,
    });
  }
  const header = ["scenario", "matching", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms"];
  const cells = results.map((r) => [
    r.name,
    r.total,
    String(r.stats.n),
    ...[r.stats.p50, r.stats.p95, r.stats.p99, r.stats.mean].map((v) => v.toFixed(2)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));

  for (const s of scenarios.slice(0, 2)) {
    console.log(`\n=== EXPLAIN (ANALYZE, BUFFERS) as linha_app — ${s.name}`);
    await explainList(appUrl, tenantId, s.viewer, s.input);
  }
  const over = results.filter((r) => r.budgeted && r.stats.p95 >= BUDGET_P95_MS);
  for (const r of over) console.error(`\nOVER BUDGET: "${r.name}" p95 ${r.stats.p95.toFixed(2)} ms >= ${BUDGET_P95_MS} ms`);
  return over.length === 0;
}

// ------------------------------------------------------------------------------ main

async function main(): Promise<boolean> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "linha-bench-queue-"));
  chmodSync(dir, 0o777); // PostgreSQL refuses to run as root; embedded-postgres runs it as another user.
  let server: RunningPostgres | undefined;
  let disconnect = async () => {};
  try {
    server = await startEmbeddedPostgres({
      databaseDir: join(dir, "postgres"),
      port: await freePort(),
      password: "linha-bench",
      persistent: false,
    });
    await ensureDatabaseExists(server.url("postgres"), "linha_bench");
    const ownerUrl = server.url("linha_bench");
    const { appUrl, tenantId, members } = await prepareDatabase(ownerUrl);
    console.log(`database ready in ${seconds(started)}`);

    // server/db.ts reads these on first use; they must be set before any @/server module loads.
    process.env.APP_DATABASE_URL = appUrl;
    process.env.NEXTAUTH_SECRET ??= "bench-only-secret-0123456789abcdefghijkl";
    process.env.APP_SECRET ??= "bench-only-app-secret-0123456789abcdefgh";
    process.env.ROOT_DOMAIN = "localhost";
    process.env.LOG_LEVEL ??= "silent";
    const { platformDb } = await import("@/server/db");
    disconnect = () => platformDb().$disconnect();

    const ok = await run(ownerUrl, appUrl, tenantId, members);
    console.log(`\ntotal run time ${seconds(started)}`);
    return ok;
  } finally {
    await disconnect();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
