// Rating throughput (issue 7, Must show 3): rate and persist 1,000,000 CDRs against decks of 50,000
// prefixes in under 30 seconds, and how that compares with a bare PostgreSQL COPY of the same rows.
//
// On its own embedded PostgreSQL: two plans with a 50,000-prefix sell deck each, two providers with
// a 50,000-prefix buy deck each (Brazilian landline and mobile blocks by DDD and international
// prefixes of 2–12 digits; one prefix in twenty changes price at a São Paulo midnight mid-month, so
// it has two effective periods), four tenants, three gateways, a few 0800 numbers with inbound
// prices, and 1,000,000 ended calls (98 % outbound, 2 % to the 0800s, a few to numbers no deck
// prices) plus 20,000 internal calls that are not rated — inserted with generate_series.
//
// Then it times the real rating run (rateNewCalls: decks loaded into memory, calls streamed out with
// COPY, rated in JS, charges streamed back in by two writers committing every 50,000, as the
// console's role under row-level security) end to end, and a plain COPY of the very same charge rows
// into the same table with the same indexes and triggers (copied out to memory first, table
// truncated, copied back in by the owner, in one statement). The process runs with the app server's
// V8 flags (package.json, scripts/lib/app-node-flags.ts) and the embedded server's settings. Prints rows, seconds and rows/s of both and the ratio; exits 1 when the run takes 30 s or
// more or did not persist every one of the 1,000,000 charges.
//
//   npm run bench:rating
//   BENCH_CALLS=200000 npm run bench:rating      # a smaller run (the 30 s limit is for 1,000,000)
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { deployMigrations } from "@/prisma/migrate-engine";
import { enableAppRoleLogin } from "@/scripts/lib/app-role";
import { freePort } from "@/scripts/lib/free-port";
import { ensureDatabaseExists, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

const CALLS = positiveInt("BENCH_CALLS", 1_000_000);
const PREFIXES_PER_DECK = positiveInt("BENCH_PREFIXES", 50_000);
const INTERNAL_CALLS = Math.round(CALLS / 50);
const LIMIT_SECONDS = 30;
const APP_SECRET = "bench-app-secret-0123456789abcdef0123456789";
const DAY_MS = 86_400_000;

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

// ---------------------------------------------------------------- realistic prefixes

const DDDS = [
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55,
  61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
];
const COUNTRIES: Array<[string, string]> = [
  ["1", "EUA/Canadá"],
  ["7", "Rússia"],
  ["20", "Egito"],
  ["27", "África do Sul"],
  ["30", "Grécia"],
  ["31", "Países Baixos"],
  ["32", "Bélgica"],
  ["33", "França"],
  ["34", "Espanha"],
  ["36", "Hungria"],
  ["39", "Itália"],
  ["40", "Romênia"],
  ["41", "Suíça"],
  ["43", "Áustria"],
  ["44", "Reino Unido"],
  ["45", "Dinamarca"],
  ["46", "Suécia"],
  ["47", "Noruega"],
  ["48", "Polônia"],
  ["49", "Alemanha"],
  ["51", "Peru"],
  ["52", "México"],
  ["53", "Cuba"],
  ["54", "Argentina"],
  ["56", "Chile"],
  ["57", "Colômbia"],
  ["58", "Venezuela"],
  ["60", "Malásia"],
  ["61", "Austrália"],
  ["62", "Indonésia"],
  ["63", "Filipinas"],
  ["64", "Nova Zelândia"],
  ["65", "Singapura"],
  ["66", "Tailândia"],
  ["81", "Japão"],
  ["82", "Coreia do Sul"],
  ["84", "Vietnã"],
  ["86", "China"],
  ["90", "Turquia"],
  ["91", "Índia"],
  ["92", "Paquistão"],
  ["93", "Afeganistão"],
  ["94", "Sri Lanka"],
  ["95", "Mianmar"],
  ["98", "Irã"],
  ["212", "Marrocos"],
  ["213", "Argélia"],
  ["216", "Tunísia"],
  ["234", "Nigéria"],
  ["244", "Angola"],
  ["258", "Moçambique"],
  ["351", "Portugal"],
  ["352", "Luxemburgo"],
  ["353", "Irlanda"],
  ["354", "Islândia"],
  ["356", "Malta"],
  ["358", "Finlândia"],
  ["359", "Bulgária"],
  ["370", "Lituânia"],
  ["380", "Ucrânia"],
  ["385", "Croácia"],
  ["420", "Tchéquia"],
  ["421", "Eslováquia"],
  ["502", "Guatemala"],
  ["503", "El Salvador"],
  ["504", "Honduras"],
  ["505", "Nicarágua"],
  ["506", "Costa Rica"],
  ["507", "Panamá"],
  ["591", "Bolívia"],
  ["593", "Equador"],
  ["595", "Paraguai"],
  ["598", "Uruguai"],
  ["852", "Hong Kong"],
  ["853", "Macau"],
  ["880", "Bangladesh"],
  ["886", "Taiwan"],
  ["971", "Emirados Árabes"],
  ["972", "Israel"],
  ["974", "Catar"],
];

/** Deterministic PRNG (mulberry32): the same decks every run. */
function random32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Prefix = { prefix: string; description: string };

/** ~half Brazilian (DDD, landline and mobile blocks down to 12 digits), ~half international (2–12 digits). */
function buildPrefixes(count: number): Prefix[] {
  const next = random32(2026);
  const digit = () => String(Math.floor(next() * 10));
  const seen = new Map<string, string>();
  const add = (prefix: string, description: string) => {
    if (prefix.length >= 2 && prefix.length <= 12 && !seen.has(prefix)) seen.set(prefix, description);
  };
  add("55", "Brasil");
  for (const ddd of DDDS) {
    add(`55${ddd}`, `Brasil Fixo DDD ${ddd}`);
    add(`55${ddd}9`, `Brasil Móvel DDD ${ddd}`);
  }
  add("550800", "Brasil 0800");
  for (const [code, country] of COUNTRIES) add(code, `Internacional ${country}`);
  while (seen.size < count) {
    if (next() < 0.5) {
      const ddd = DDDS[Math.floor(next() * DDDS.length)]!;
      const mobile = next() < 0.6;
      let prefix = `55${ddd}${mobile ? "9" : String(2 + Math.floor(next() * 4))}`;
      const extra = 1 + Math.floor(next() * 4);
      for (let i = 0; i < extra; i++) prefix += digit();
      add(prefix, `Brasil ${mobile ? "Móvel" : "Fixo"} DDD ${ddd}`);
    } else {
      const [code, country] = COUNTRIES[Math.floor(next() * COUNTRIES.length)]!;
      let prefix = code;
      const extra = 1 + Math.floor(next() * Math.max(1, 12 - code.length));
      for (let i = 0; i < extra; i++) prefix += digit();
      add(prefix, `Internacional ${country} ${next() < 0.4 ? "Móvel" : "Fixo"}`);
    }
  }
  return [...seen].map(([prefix, description]) => ({ prefix, description }));
}

// ---------------------------------------------------------------- arrangement

async function startDatabase(dir: string) {
  chmodSync(dir, 0o777);
  const server = await startEmbeddedPostgres({
    databaseDir: join(dir, "postgres"),
    port: await freePort(),
    password: "linha-bench",
    persistent: false,
  });
  await ensureDatabaseExists(server.url("postgres"), "linha_bench");
  const ownerUrl = server.url("linha_bench");
  await deployMigrations(ownerUrl);
  const appUrl = await enableAppRoleLogin(ownerUrl, "linha-app-bench");
  return { server, ownerUrl, appUrl };
}

async function one<T extends pg.QueryResultRow>(owner: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await owner.query<T>(sql, params);
  return rows[0]!;
}

/** A deck of `prefixes`, priced from `basePerMinute`; one prefix in twenty changes price at `changeAt`. */
async function insertDeck(
  owner: pg.Client,
  owners: { kind: "buy" | "sell"; providerId?: string; planId?: string; name: string },
  prefixes: Prefix[],
  basePerMinute: number,
  increments: Array<[number, number]>,
  changeAt: Date,
  seed: number,
): Promise<number> {
  const deck = await one<{ id: string }>(
    owner,
    `INSERT INTO "RateDeck" (id, name, kind, "providerId", "planId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
    [owners.name, owners.kind, owners.providerId ?? null, owners.planId ?? null],
  );
  const version = await one<{ id: string }>(
    owner,
    `INSERT INTO "RateDeckVersion" (id, "deckId", number, change, "rateCount") VALUES (gen_random_uuid(), $1, 1, 'imported', $2) RETURNING id`,
    [deck.id, prefixes.length],
  );
  const next = random32(seed);
  const lines: string[] = [];
  for (const { prefix, description } of prefixes) {
    const international = !prefix.startsWith("55");
    const price = Math.round(basePerMinute * (international ? 4 + next() * 30 : 1 + next())) * 100;
    const [min, inc] = increments[Math.floor(next() * increments.length)]!;
    const fee = next() < 0.1 ? 5_000 : 0;
    const row = (p: number, from: string, to: string) =>
      `${crypto.randomUUID()}\t${version.id}\t${prefix}\t${description}\t${p}\t${fee}\t${min}\t${inc}\t${from}\t${to}\n`;
    if (next() < 0.05) {
      lines.push(row(price, "2020-01-01T00:00:00-03:00", changeAt.toISOString()));
      lines.push(row(Math.round(price * 1.1), changeAt.toISOString(), "\\N"));
    } else {
      lines.push(row(price, "2020-01-01T00:00:00-03:00", "\\N"));
    }
  }
  await pipeline(
    Readable.from([lines.join("")]),
    owner.query(
      copyFrom(
        `COPY "Rate" (id, "versionId", prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds", "incrementSeconds", "effectiveFrom", "effectiveTo") FROM STDIN`,
      ),
    ),
  );
  await owner.query(`UPDATE "RateDeck" SET "currentVersionId" = $2 WHERE id = $1`, [deck.id, version.id]);
  return lines.length;
}

async function arrange(owner: pg.Client, windowStart: Date, windowEnd: Date): Promise<{ rates: number; dids: number }> {
  const prefixes = buildPrefixes(PREFIXES_PER_DECK);
  const changeAt = new Date(Math.floor((windowStart.getTime() + windowEnd.getTime()) / 2 / DAY_MS) * DAY_MS + 3 * 3_600_000); // a São Paulo midnight
  let rates = 0;
  const plans: string[] = [];
  for (const code of ["bench-pro", "bench-enterprise"]) {
    const plan = await one<{ id: string }>(
      owner,
      `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "updatedAt")
       VALUES (gen_random_uuid(), $1, $1, 499.90, 100, 100, 100, 100, ARRAY[]::text[], now()) RETURNING id`,
      [code],
    );
    plans.push(plan.id);
    rates += await insertDeck(
      owner,
      { kind: "sell", planId: plan.id, name: `Venda ${code}` },
      prefixes,
      900,
      [
        [30, 6],
        [60, 60],
        [1, 1],
      ],
      changeAt,
      plans.length,
    );
  }
  const gateways: Array<{ name: string; providerId: string }> = [];
  for (const [name, gws] of [
    ["Bench Carrier", ["bench-gw-a1", "bench-gw-a2"]],
    ["Bench Wholesale", ["bench-gw-b1"]],
  ] as const) {
    const provider = await one<{ id: string }>(
      owner,
      `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
      [name],
    );
    for (const gw of gws) {
      await owner.query(
        `INSERT INTO "Gateway" (id, "providerId", name, host, "updatedAt") VALUES (gen_random_uuid(), $1, $2, '192.0.2.1', now())`,
        [provider.id, gw],
      );
      gateways.push({ name: gw, providerId: provider.id });
    }
    rates += await insertDeck(
      owner,
      { kind: "buy", providerId: provider.id, name: `Compra ${name}` },
      prefixes,
      400,
      [
        [30, 6],
        [1, 1],
      ],
      changeAt,
      10 + gateways.length,
    );
  }
  const tenants: string[] = [];
  for (let i = 0; i < 4; i++) {
    const tenant = await one<{ id: string }>(
      owner,
      `INSERT INTO "Tenant" (id, slug, name, "planId", "updatedAt") VALUES (gen_random_uuid(), $1, $1, $2, now()) RETURNING id`,
      [`bench-${i + 1}`, plans[i % 2]],
    );
    tenants.push(tenant.id);
  }
  // Two 0800 numbers per tenant with per-minute inbound prices (the trigger records who holds them).
  const dids: string[] = [];
  for (const [i, tenantId] of tenants.entries()) {
    for (let j = 0; j < 2; j++) {
      const number = `+55800${String(1_000_000 + i * 10 + j).padStart(7, "0")}`;
      await owner.query(
        `INSERT INTO "Did" (id, number, "providerId", status, "tenantId", "allocatedAt", "inboundCostPerMinuteMicros", "inboundPricePerMinuteMicros", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'allocated', $3, '2020-01-01', 60000, 150000, now())`,
        [number, gateways[0]!.providerId, tenantId],
      );
      dids.push(number.slice(1));
    }
  }

  // The calls: spread over the window, 30 % unanswered, talk times up to 20 minutes.
  const intl = COUNTRIES.map(([code]) => code);
  await owner.query(`SELECT setseed(0.42)`);
  await owner.query(
    `INSERT INTO "Call" (id, "tenantId", direction, state, "fromNumber", "toNumber", "startedAt", "answeredAt", "endedAt", "durationSec", billsec, "gatewayName", disposition, "updatedAt")
     SELECT gen_random_uuid(), t, dir, 'ended', '1001', num, s, CASE WHEN b > 0 THEN s + interval '5 seconds' END,
            s + make_interval(secs => b + 10), b + 10, b, gw, CASE WHEN b > 0 THEN 'answered' ELSE 'no_answer' END::"CallDisposition", s + make_interval(secs => b + 10)
     FROM (
       SELECT ($1::uuid[])[1 + g % 4] AS t,
              (CASE WHEN r1 < 0.02 THEN 'inbound' ELSE 'outbound' END)::"CallDirection" AS dir,
              CASE WHEN r1 < 0.02 THEN ($2::text[])[1 + (g % 4) * 2 + (g / 4) % 2]
                   WHEN r1 < 0.025 THEN '0' || lpad((floor(r2 * 1e10))::bigint::text, 10, '0')
                   WHEN r1 < 0.85 THEN '55' || ($3::int[])[1 + floor(r2 * $5)::int] || CASE WHEN r3 < 0.6 THEN '9' || lpad((floor(r3 * 1e13))::bigint % 100000000 || '', 8, '0')
                                                                                              ELSE (2 + floor(r3 * 4))::int || lpad((floor(r3 * 1e12))::bigint % 10000000 || '', 7, '0') END
                   ELSE ($4::text[])[1 + floor(r2 * $6)::int] || lpad((floor(r3 * 1e12))::bigint % 1000000000 || '', 9, '0') END AS num,
              $7::timestamptz + (($8::timestamptz - $7::timestamptz) * random()) AS s,
              CASE WHEN random() < 0.3 THEN 0 ELSE 1 + floor(power(random(), 2) * 1200)::int END AS b,
              CASE WHEN g % 7 = 0 THEN 'bench-gw-b1' WHEN g % 2 = 0 THEN 'bench-gw-a1' ELSE 'bench-gw-a2' END AS gw
       FROM (SELECT g, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, $9::int) AS g) AS rnd
     ) AS calls`,
    [tenants, dids, DDDS, intl, DDDS.length, intl.length, windowStart, windowEnd, CALLS],
  );
  await owner.query(
    `INSERT INTO "Call" (id, "tenantId", direction, state, "fromNumber", "toNumber", "startedAt", "endedAt", billsec, "updatedAt")
     SELECT gen_random_uuid(), ($1::uuid[])[1 + g % 4], 'internal', 'ended', '1001', '1002', $2::timestamptz + make_interval(secs => g), $2::timestamptz + make_interval(secs => g + 60), 50, now()
     FROM generate_series(1, $3::int) AS g`,
    [tenants, windowStart, INTERNAL_CALLS],
  );
  await owner.query("VACUUM ANALYZE");
  return { rates, dids: dids.length };
}

// ---------------------------------------------------------------- the plain COPY

async function bareCopy(owner: pg.Client): Promise<{ rows: number; seconds: number; bytes: number }> {
  const chunks: Buffer[] = [];
  await pipeline(owner.query(copyTo(`COPY "CallCharge" TO STDOUT`)), async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) chunks.push(chunk);
  });
  await owner.query(`TRUNCATE "CallCharge"`);
  await owner.query(`CHECKPOINT`);
  const started = performance.now();
  const sink = owner.query(copyFrom(`COPY "CallCharge" FROM STDIN`));
  await pipeline(Readable.from(chunks), sink);
  const seconds = (performance.now() - started) / 1000;
  return { rows: sink.rowCount, seconds, bytes: chunks.reduce((sum, c) => sum + c.length, 0) };
}

// ---------------------------------------------------------------- main

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "linha-bench-rating-"));
  const db = await startDatabase(dir);
  Object.assign(process.env, {
    APP_DATABASE_URL: db.appUrl,
    APP_SECRET,
    NEXTAUTH_SECRET: APP_SECRET,
    ROOT_DOMAIN: "localhost",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  const { rateNewCalls } = await import("@/server/services/billing/rating/run-rating");
  const { closeRatingPool } = await import("@/server/services/billing/rating/rating-pool");
  const { platformDb } = await import("@/server/db");

  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const windowEnd = new Date(Date.now() - 3_600_000);
  const windowStart = new Date(windowEnd.getTime() - 30 * DAY_MS);
  const arrangeStarted = performance.now();
  const arranged = await arrange(owner, windowStart, windowEnd);
  console.log(
    `arranged in ${((performance.now() - arrangeStarted) / 1000).toFixed(1)} s: 4 decks × ${fmt(PREFIXES_PER_DECK)} prefixes (${fmt(arranged.rates)} rates ` +
      `with the second periods), ${arranged.dids} priced 0800s, ${fmt(CALLS)} calls to rate + ${fmt(INTERNAL_CALLS)} internal calls`,
  );
  await owner.query(`CHECKPOINT`);

  // ---- ours: the real rating run, end to end (decks, read, rate, write, commit)
  const cpuBefore = process.cpuUsage();
  const runStarted = performance.now();
  const run = await rateNewCalls();
  const oursSeconds = (performance.now() - runStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const persisted = Number((await one<{ n: string }>(owner, `SELECT count(*) AS n FROM "CallCharge"`)).n);
  const ratedCount = Number((await one<{ n: string }>(owner, `SELECT count(*) AS n FROM "CallCharge" WHERE status = 'rated'`)).n);
  const oursRate = persisted / oursSeconds;
  console.log(
    `rating run: ${run.status}${run.error ? ` (${run.error})` : ""} — ${fmt(run.total)} calls, ${fmt(run.rated)} rated, ${fmt(run.unratable)} unratable; ` +
      `${fmt(persisted)} charges persisted (${fmt(ratedCount)} rated)`,
  );
  console.log(
    `  phases: decks loaded and calls counted ${run.phases.load.toFixed(2)} s, calls read + rated + charges written ${run.phases.stream.toFixed(2)} s, ` +
      `commit ${run.phases.commit.toFixed(2)} s; this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`,
  );

  // ---- the bare write of the same rows
  const copy = await bareCopy(owner);
  const copyRate = copy.rows / copy.seconds;
  const ratio = oursSeconds / copy.seconds;

  console.log("");
  console.log(`                      rows          seconds     rows/s`);
  console.log(
    `ours (rate + persist) ${fmt(persisted).padStart(10)}  ${oursSeconds.toFixed(2).padStart(10)}  ${fmt(oursRate).padStart(10)}`,
  );
  console.log(
    `plain COPY            ${fmt(copy.rows).padStart(10)}  ${copy.seconds.toFixed(2).padStart(10)}  ${fmt(copyRate).padStart(10)}   (${(copy.bytes / 1e6).toFixed(0)} MB)`,
  );
  console.log(`ratio ours / COPY: ${ratio.toFixed(2)}×`);

  const failures: string[] = [];
  if (run.status !== "done") failures.push(`the run failed: ${run.error}`);
  if (persisted !== CALLS) failures.push(`${fmt(persisted)} charges persisted, expected ${fmt(CALLS)}`);
  if (oursSeconds >= LIMIT_SECONDS) failures.push(`the run took ${oursSeconds.toFixed(1)} s (limit ${LIMIT_SECONDS} s)`);
  console.log(
    failures.length === 0
      ? `PASS: ${fmt(CALLS)} CDRs rated and persisted in ${oursSeconds.toFixed(1)} s (< ${LIMIT_SECONDS} s)`
      : `FAIL: ${failures.join("; ")}`,
  );

  await owner.end();
  await closeRatingPool();
  await platformDb().$disconnect();
  await db.server.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
