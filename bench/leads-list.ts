// Benchmarks `leads.list` / `leads.get` through the real tenant-bound path (tRPC procedure →
// withTenant transaction under RLS → Prisma) against a throw-away PostgreSQL with a large tenant.
//
//   npm run bench:leads                      # 50,000 leads per tenant, up to 200 timed calls per scenario
//   BENCH_LEADS=10000 BENCH_ITERATIONS=50 BENCH_MAX_SECONDS=20 npm run bench:leads
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Session } from "next-auth";
import pg from "pg";
import { parseHost } from "@/lib/host";
import type { LeadListInput } from "@/lib/schemas/lead";
import { deployMigrations } from "@/prisma/migrate-engine";
import { seedDemo } from "@/prisma/seed";
import { enableAppRoleLogin } from "@/scripts/lib/app-role";
import { freePort } from "@/scripts/lib/free-port";
import { ensureDatabaseExists, startEmbeddedPostgres, type RunningPostgres } from "@/scripts/lib/embedded-postgres";
import type { createCaller } from "@/server/trpc/root";

type Caller = ReturnType<typeof createCaller>;

const LEADS_PER_TENANT = positiveInt("BENCH_LEADS", 50_000);
const ITERATIONS = positiveInt("BENCH_ITERATIONS", 200);
const WARMUP = positiveInt("BENCH_WARMUP", 20);
// A scenario stops early when its calls are slow enough to blow this budget, so a slow query
// shows up as a small n in the table instead of a run that never ends.
const MAX_SECONDS = positiveInt("BENCH_MAX_SECONDS", 7);
const MAX_WARMUP_MS = 1_000;
const PAGE_SIZE = 25;
const DEEP_PAGE = 200;
const SEEDED_PER_TENANT = 20;
// An admin sees every lead of the tenant, so the raw SQL baselines below (no visibility clause)
// return the same pages as the API.
const BENCH_USER = "ana@acme.test";
const BENCH_HOST = "acme.localhost";

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

// ------------------------------------------------------------------------------ database

async function startDatabase(dir: string): Promise<{ server: RunningPostgres; ownerUrl: string }> {
  // PostgreSQL refuses to run as root, so embedded-postgres runs it as another user who must be
  // able to write here.
  chmodSync(dir, 0o777);
  const server = await startEmbeddedPostgres({
    databaseDir: join(dir, "postgres"),
    port: await freePort(),
    password: "linha-bench",
    persistent: false,
  });
  await ensureDatabaseExists(server.url("postgres"), "linha_bench");
  return { server, ownerUrl: server.url("linha_bench") };
}

const FIRST_NAMES = [
  "João",
  "José",
  "Antônio",
  "Carlos",
  "Paulo",
  "Pedro",
  "Lucas",
  "Rafael",
  "Bruno",
  "Thiago",
  "Gustavo",
  "Ricardo",
  "Maria",
  "Ana",
  "Francisca",
  "Adriana",
  "Juliana",
  "Fernanda",
  "Patrícia",
  "Camila",
  "Letícia",
  "Beatriz",
  "Helena",
  "Cecília",
];
const SURNAMES = [
  "Silva",
  "Santos",
  "Oliveira",
  "Souza",
  "Rodrigues",
  "Ferreira",
  "Alves",
  "Pereira",
  "Lima",
  "Gomes",
  "Costa",
  "Ribeiro",
  "Martins",
  "Carvalho",
  "Almeida",
  "Lopes",
  "Barbosa",
  "Rocha",
  "Nascimento",
  "Araújo",
  "Cavalcanti",
  "Magalhães",
  "Brandão",
  "Queiroz",
];
const COMPANY_WORDS = [
  "Vale Verde",
  "Serra Azul",
  "Sol Nascente",
  "Boa Esperança",
  "Bela Vista",
  "Santa Luzia",
  "Rio Doce",
  "Terra Nova",
  "Tecnoserv",
  "Infolog",
  "Agromax",
  "Multitel",
  "Brasilnet",
  "Ecomed",
  "Primedata",
  "Unifort",
];
const SECTORS = [
  "Logística",
  "Tecnologia",
  "Alimentos",
  "Distribuidora",
  "Comércio",
  "Serviços",
  "Consultoria",
  "Engenharia",
  "Saúde",
  "Imóveis",
];
const LEGAL_SUFFIXES = ["Ltda", "Ltda", "Ltda", "ME", "EPP", "S.A."];
const EMAIL_DOMAINS = ["gmail.com", "hotmail.com", "uol.com.br", "terra.com.br", "empresa.com.br"];

// Every value is drawn in `picks` once per row (volatile random() in a CTE is evaluated per row),
// then shaped; ids are UUIDv7 stamped with the row's createdAt, as the app's would be.
const BULK_INSERT_LEADS = `
WITH picks AS (
  SELECT g,
    date_trunc('milliseconds', now() - random() * interval '730 days') AS created,
    (random() * 3 * interval '1 day') AS edited_after,
    ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] AS first,
    ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS last,
    ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] AS company_word,
    ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] AS sector,
    ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS suffix,
    ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] AS domain,
    ($8::uuid[])[1 + floor(random() * cardinality($8::uuid[]))::int] AS member,
    random() AS r_company, random() AS r_cnpj, random() AS r_email, random() AS r_phone, random() AS r_owner,
    random() AS r_status, random() AS r_source, random() AS r_notes
  FROM generate_series(1, $9::int) AS g
)
INSERT INTO "Lead" (id, "tenantId", name, company, cnpj, email, phone, source, status, "ownerId", notes, "createdAt", "updatedAt")
SELECT
  uuidv7(created - clock_timestamp()),
  $1::uuid,
  first || ' ' || last,
  CASE WHEN r_company < 0.8 THEN btrim(company_word || ' ' || sector || ' ' || suffix) END,
  CASE WHEN r_cnpj < 0.4 THEN lpad((floor(random() * 1e14))::bigint::text, 14, '0') END,
  CASE WHEN r_email < 0.85 THEN
    translate(lower(first || '.' || last), 'áàâãéêíóôõúç', 'aaaaeeiooouc') || g || '@' || domain END,
  CASE WHEN r_phone < 0.9 THEN '+55119' || lpad((floor(random() * 1e8))::bigint::text, 8, '0') END,
  (CASE
    WHEN r_source < 0.30 THEN 'website' WHEN r_source < 0.50 THEN 'outbound' WHEN r_source < 0.65 THEN 'referral'
    WHEN r_source < 0.77 THEN 'inbound_call' WHEN r_source < 0.87 THEN 'event' WHEN r_source < 0.95 THEN 'partner'
    ELSE 'other' END)::"LeadSource",
  (CASE
    WHEN r_status < 0.35 THEN 'new' WHEN r_status < 0.60 THEN 'contacted' WHEN r_status < 0.75 THEN 'qualified'
    WHEN r_status < 0.90 THEN 'unqualified' ELSE 'customer' END)::"LeadStatus",
  CASE WHEN r_owner < 0.85 THEN member END,
  CASE WHEN r_notes < 0.2 THEN 'Retornar contato após proposta enviada.' END,
  created,
  created + edited_after
FROM picks`;

async function withOwner<T>(ownerUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function tenantId(client: pg.Client, slug: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
  if (!rows[0]) throw new Error(`no tenant ${slug}`);
  return rows[0].id;
}

/** Tops the tenant up to `total` leads; the seed only ever adds leads to an empty tenant. */
async function fillTenant(client: pg.Client, slug: string, total: number): Promise<void> {
  const id = await tenantId(client, slug);
  const { rows: members } = await client.query<{ id: string }>(`SELECT id FROM "Membership" WHERE "tenantId" = $1`, [id]);
  const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Lead" WHERE "tenantId" = $1`, [id]);
  const missing = total - (counted[0]?.n ?? 0);
  if (missing <= 0) return;
  await client.query(BULK_INSERT_LEADS, [
    id,
    FIRST_NAMES,
    SURNAMES,
    COMPANY_WORDS,
    SECTORS,
    LEGAL_SUFFIXES,
    EMAIL_DOMAINS,
    members.map((m) => m.id),
    missing,
  ]);
}

async function prepareDatabase(ownerUrl: string): Promise<string> {
  await deployMigrations(ownerUrl);
  const appUrl = await enableAppRoleLogin(ownerUrl, "linha-app-bench");
  await seedDemo(ownerUrl, { leadsPerTenant: SEEDED_PER_TENANT });
  await withOwner(ownerUrl, async (client) => {
    // The owner is the superuser, which RLS does not apply to. Seeded random() gives the same
    // data on every run, so runs compare.
    await client.query("BEGIN");
    await client.query("SELECT setseed(0.42)");
    await fillTenant(client, "acme", LEADS_PER_TENANT);
    await fillTenant(client, "globex", LEADS_PER_TENANT);
    await client.query("COMMIT");
    await client.query(`ANALYZE`);
  });
  return appUrl;
}

// ------------------------------------------------------------------------------ measuring

type Stats = { n: number; p50: number; p95: number; p99: number; mean: number; opsPerSec: number };

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

function summarize(durations: number[]): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  const total = sorted.reduce((sum, d) => sum + d, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: total / sorted.length,
    opsPerSec: (sorted.length * 1000) / total,
  };
}

/** Calls run one after another: this measures latency, not throughput under concurrency. */
async function measure(run: () => Promise<unknown>): Promise<Stats> {
  const warmupEnd = performance.now() + MAX_WARMUP_MS;
  for (let i = 0; i < WARMUP && performance.now() < warmupEnd; i++) await run();
  const durations: number[] = [];
  const end = performance.now() + MAX_SECONDS * 1000;
  for (let i = 0; i < ITERATIONS && performance.now() < end; i++) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  return summarize(durations);
}

function printTable(rows: { name: string; stats: Stats }[]): void {
  const header = ["scenario", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms", "ops/s"];
  const cells = rows.map(({ name, stats: s }) => [
    name,
    String(s.n),
    s.p50.toFixed(2),
    s.p95.toFixed(2),
    s.p99.toFixed(2),
    s.mean.toFixed(2),
    s.opsPerSec.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
}

// ------------------------------------------------------------------------------ scenarios

async function callerFor(ownerUrl: string, email: string, host: string): Promise<Caller> {
  const { createCaller } = await import("@/server/trpc/root");
  const user = await withOwner(ownerUrl, async (client) => {
    const { rows } = await client.query<{ id: string; name: string; locale: string }>(
      `SELECT id, name, locale FROM "User" WHERE email = $1`,
      [email],
    );
    return rows[0];
  });
  if (!user) throw new Error(`no user ${email}`);
  const target = parseHost(host, "localhost");
  if (target.kind !== "tenant") throw new Error(`${host} is not a tenant host`);
  const session: Session = {
    user: { id: user.id, email, name: user.name, scope: `tenant:${target.slug}`, locale: user.locale },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
  return createCaller({ target, session, locale: "en", ip: "127.0.0.1", apiKey: null, origin: "http://localhost:3000" });
}

/**
 * The cursor that opens page `page` of PAGE_SIZE (1-based), found by walking the list through the
 * API, and the id of the row just before that page (the raw SQL keyset baseline starts after it).
 * It walks in the largest pages the API allows: 4x fewer calls keeps the walk short when each
 * call is slow.
 */
async function cursorForPage(caller: Caller, page: number): Promise<{ cursor: string; lastId: string }> {
  let remaining = (page - 1) * PAGE_SIZE;
  let cursor: string | null = null;
  let lastId: string | undefined;
  while (remaining > 0) {
    const limit = Math.min(remaining, 100);
    const result: { nextCursor: string | null; items: { id: string }[] } = await caller.leads.list({ limit, cursor });
    if (!result.nextCursor) throw new Error(`fewer than ${page * PAGE_SIZE} leads; raise BENCH_LEADS`);
    cursor = result.nextCursor;
    lastId = result.items.at(-1)?.id;
    remaining -= limit;
  }
  if (!cursor || !lastId) throw new Error("page must be 2 or more");
  return { cursor, lastId };
}

/** Search terms that exist in the data: a surname fragment, and the last 8 digits of a real phone. */
async function searchTerms(ownerUrl: string): Promise<{ nameFragment: string; phoneDigits: string }> {
  const phone = await withOwner(ownerUrl, async (client) => {
    const acme = await tenantId(client, "acme");
    const { rows } = await client.query<{ phone: string }>(
      `SELECT phone FROM "Lead" WHERE "tenantId" = $1 AND phone IS NOT NULL ORDER BY "createdAt" LIMIT 1 OFFSET 1000`,
      [acme],
    );
    return rows[0]?.phone;
  });
  if (!phone) throw new Error("no lead with a phone");
  return { nameFragment: "olivei", phoneDigits: phone.slice(-8) };
}

const PAGE_COLUMNS = `l.id, l.name, l.company, l.cnpj, l.email, l.phone, l.source, l.status, l.notes,
  l."createdAt", l."updatedAt", m.id AS "ownerId", u.name AS "ownerName"
  FROM "Lead" l
  LEFT JOIN "Membership" m ON m.id = l."ownerId"
  LEFT JOIN "User" u ON u.id = m."userId"`;

/** One page as raw SQL by the app role, inside a transaction bound to the tenant like withTenant(). */
async function rawPage(client: pg.Client, tenant: string, sql: string, params: unknown[]): Promise<string[]> {
  await client.query("BEGIN");
  try {
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
    const { rows } = await client.query<{ id: string }>(sql, params);
    return rows.map((r) => r.id);
  } finally {
    await client.query("COMMIT");
  }
}

/** The deep page two ways in raw SQL, so the pagination methods compare without the API's overhead. */
async function rawDeepPages(appUrl: string, acmeId: string, afterId: string, expectedIds: string[]) {
  const offset = (DEEP_PAGE - 1) * PAGE_SIZE;
  const byOffset = `SELECT ${PAGE_COLUMNS} ORDER BY l."createdAt" DESC, l.id DESC OFFSET $1 LIMIT $2`;
  const byKeyset = `SELECT ${PAGE_COLUMNS}
    WHERE (l."createdAt", l.id) < (SELECT "createdAt", id FROM "Lead" WHERE id = $1)
    ORDER BY l."createdAt" DESC, l.id DESC LIMIT $2`;
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const runOffset = () => rawPage(client, acmeId, byOffset, [offset, PAGE_SIZE]);
    const runKeyset = () => rawPage(client, acmeId, byKeyset, [afterId, PAGE_SIZE]);
    const same = (ids: string[]) => ids.join() === expectedIds.join();
    if (!same(await runOffset()) || !same(await runKeyset())) throw new Error("raw SQL deep page differs from the API's");
    return [
      { name: `raw SQL: page ${DEEP_PAGE} by OFFSET ${offset}`, stats: await measure(runOffset) },
      { name: `raw SQL: page ${DEEP_PAGE} by keyset`, stats: await measure(runKeyset) },
    ];
  } finally {
    await client.end();
  }
}

async function runScenarios(ownerUrl: string, appUrl: string): Promise<void> {
  const caller = await callerFor(ownerUrl, BENCH_USER, BENCH_HOST);
  const first = await caller.leads.list({ limit: PAGE_SIZE });
  console.log(`acme leads visible to ${BENCH_USER}: ${first.total}`);
  const { cursor: deepCursor, lastId: deepAfterId } = await cursorForPage(caller, DEEP_PAGE);
  const { nameFragment, phoneDigits } = await searchTerms(ownerUrl);
  const someLeadId = first.items[10]?.id ?? first.items[0]!.id;
  const list = (input: LeadListInput) => () => caller.leads.list(input);

  console.log(`timing up to ${ITERATIONS} calls (or ${MAX_SECONDS} s) per scenario after up to ${WARMUP} warm-up calls\n`);
  const rows = [
    { name: "(a) first page, limit 25", stats: await measure(list({ limit: PAGE_SIZE })) },
    { name: `(b) page ${DEEP_PAGE} by keyset cursor`, stats: await measure(list({ limit: PAGE_SIZE, cursor: deepCursor })) },
    { name: `(c) search name "${nameFragment}"`, stats: await measure(list({ limit: PAGE_SIZE, search: nameFragment })) },
    { name: `(d) search phone "${phoneDigits}"`, stats: await measure(list({ limit: PAGE_SIZE, search: phoneDigits })) },
    { name: "(e) status = qualified", stats: await measure(list({ limit: PAGE_SIZE, status: ["qualified"] })) },
    { name: "(f) leads.get by id", stats: await measure(() => caller.leads.get({ id: someLeadId })) },
  ];

  const acmeId = await withOwner(ownerUrl, (client) => tenantId(client, "acme"));
  const deepIds = (await caller.leads.list({ limit: PAGE_SIZE, cursor: deepCursor })).items.map((lead) => lead.id);
  rows.push(...(await rawDeepPages(appUrl, acmeId, deepAfterId, deepIds)));
  printTable(rows);

  const [a, b, , , , , rawOffset, rawKeyset] = rows.map((r) => r.stats);
  const p50s = (x: Stats, y: Stats) => `p50 ${x.p50.toFixed(2)} vs ${y.p50.toFixed(2)} ms`;
  console.log(`\ndeep page (b) vs first page (a): ${(b!.p50 / a!.p50).toFixed(2)}x the time (${p50s(b!, a!)})`);
  console.log(
    `keyset vs offset at page ${DEEP_PAGE}: ${(rawOffset!.p50 / rawKeyset!.p50).toFixed(1)}x faster (raw SQL both, ${p50s(rawKeyset!, rawOffset!)})`,
  );
}

// ------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "linha-bench-"));
  let server: RunningPostgres | undefined;
  let disconnect = async () => {};
  try {
    const db = await startDatabase(dir);
    server = db.server;
    const appUrl = await prepareDatabase(db.ownerUrl);
    console.log(
      `database ready: ${LEADS_PER_TENANT} leads each for acme and globex (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    // server/db.ts reads these on first use; they must be set before any @/server module loads.
    process.env.APP_DATABASE_URL = appUrl;
    process.env.NEXTAUTH_SECRET ??= "bench-only-secret-0123456789abcdefghijkl";
    process.env.APP_SECRET ??= "bench-only-app-secret-0123456789abcdefgh";
    process.env.ROOT_DOMAIN = "localhost";
    process.env.LOG_LEVEL ??= "silent";
    const { platformDb } = await import("@/server/db");
    disconnect = () => platformDb().$disconnect();

    await runScenarios(db.ownerUrl, appUrl);
    console.log(`\ntotal run time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await disconnect();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
