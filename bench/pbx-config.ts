// Regenerates the Asterisk config of one PBX node at the size the issue names — 200 tenants,
// 10,000 extensions, 20,000 DIDs, 500 outbound routes, 20 gateways — and prints the time (median of
// a few runs) and the size of each file. The budget is 2 s; the process exits 1 above it.
//
// With `--db` it also seeds the same data into a throw-away PostgreSQL (embedded, migrated, secrets
// sealed as the app seals them) and times what a sync really does: load the model through
// server/services/pbx/load-config-model.ts (console role, RLS on) + render. It checks that the
// files rendered from the database are byte-identical to the in-memory ones.
//
//   npm run bench:pbx-config
//   npm run bench:pbx-config -- --db
//   BENCH_RUNS=9 npm run bench:pbx-config
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { lintPbxConfig } from "@/asterisk/config/lint";
import type { Destination, DidModel, GatewayModel, PbxConfigModel, RouteModel, TenantModel } from "@/asterisk/config/model";
import { countEndpoints, renderPbxConfig } from "@/asterisk/config/render-pbx-config";
import { deployMigrations } from "@/prisma/migrate-engine";
import { enableAppRoleLogin } from "@/scripts/lib/app-role";
import { freePort } from "@/scripts/lib/free-port";
import { ensureDatabaseExists, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

const TENANTS = 200;
const EXTENSIONS_PER_TENANT = 50; // 10,000
const DIDS_PER_TENANT = 100; // 20,000
const OPERATOR_ROUTES = 100;
const OVERRIDES_PER_TENANT = 2; // + 400 = 500 routes
const GATEWAYS = 20;
const BUDGET_MS = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function gateways(): GatewayModel[] {
  return Array.from({ length: GATEWAYS }, (_, i) => ({
    id: `gw-${i}`,
    name: `carrier-${String(i).padStart(2, "0")}`,
    host: i % 3 === 0 ? `sip${i}.carrier.example` : `203.0.113.${10 + i}`,
    port: 5060,
    transport: i % 4 === 0 ? "tcp" : "udp",
    codecs: ["alaw", "ulaw"],
    techPrefix: i % 5 === 0 ? `10${i}` : null,
    authMode: i % 3 === 0 ? "credentials" : "ip_match",
    username: i % 3 === 0 ? `linha${i}` : null,
    secret: i % 3 === 0 ? `Gw-secret.${i}` : null,
  }));
}

function route(id: string, name: string, index: number, priority: number, gatewayNames: string[]): RouteModel {
  const chosen = [0, 1, 2].map((k) => gatewayNames[(index + k * 7) % gatewayNames.length]!);
  return {
    id,
    name,
    // Area codes 11–99 × a leading digit: 500 distinct, valid patterns.
    pattern: `_0${11 + (index % 89)}${2 + (Math.floor(index / 89) % 8)}XXXXXXX`,
    priority,
    stripDigits: 1,
    prepend: "55",
    callerIdNumber: index % 2 === 0 ? `+5511300${String(index).padStart(5, "0")}` : null,
    gateways: chosen,
  };
}

function tenant(t: number, gatewayNames: string[]): TenantModel {
  const code = `tenant-${String(t).padStart(3, "0")}`;
  const numbers = Array.from({ length: EXTENSIONS_PER_TENANT }, (_, e) => String(1000 + e));
  const destination = (d: number): Destination | null => {
    switch (d % 6) {
      case 0:
      case 1:
        return { type: "extension", number: numbers[d % numbers.length]! };
      case 2:
        return { type: "ring_group", ringGroupId: `${code}-rg-${d % 5}` };
      case 3:
        return { type: "trunk", trunkId: `${code}-trunk-0` };
      case 4:
        return { type: "unavailable" };
      default:
        return d % 12 === 5 ? null : { type: "extension", number: numbers[(d * 7) % numbers.length]! };
    }
  };
  const dids: DidModel[] = Array.from({ length: DIDS_PER_TENANT }, (_, d) => ({
    number: `+55${11 + (t % 80)}${String(t * DIDS_PER_TENANT + d).padStart(8, "0")}`,
    destination: destination(d),
    businessHoursId: d % 4 === 0 ? `${code}-bh` : null,
    afterHours: d % 4 === 0 ? { type: "extension", number: numbers[0]! } : null,
  }));
  return {
    id: code,
    code,
    suspended: t % 50 === 49,
    extensions: numbers.map((number, e) => ({
      id: `${code}-${number}`,
      number,
      callerIdName: `Agent ${number} Silva`,
      callerIdNumber: e % 3 === 0 ? dids[e % dids.length]!.number : null,
      secret: `S3cret.${t}.${number}-xYz`,
      voicemail: e % 2 === 0,
      maxContacts: 1 + (e % 3),
      enabled: e % 25 !== 24,
    })),
    trunks: [
      {
        id: `${code}-trunk-0`,
        name: "matriz",
        authMode: "ip",
        ipMatches: [`10.${Math.floor(t / 250)}.${t % 250}.1`, `10.${Math.floor(t / 250)}.${t % 250}.2`],
        host: `10.${Math.floor(t / 250)}.${t % 250}.1`,
        port: 5060,
        secret: null,
        codecs: ["alaw", "ulaw"],
        channelLimit: 30,
        callerIdPolicy: "passthrough",
        callerIdNumber: dids[0]!.number,
        enabled: true,
      },
      {
        id: `${code}-trunk-1`,
        name: "filial",
        authMode: "registration",
        ipMatches: [],
        host: null,
        port: 5060,
        secret: `Trunk.${t}-pw`,
        codecs: ["alaw"],
        channelLimit: 10,
        callerIdPolicy: "fixed",
        callerIdNumber: dids[1]!.number,
        enabled: true,
      },
    ],
    ringGroups: Array.from({ length: 5 }, (_, g) => ({
      id: `${code}-rg-${g}`,
      name: `Grupo ${g}`,
      strategy: g % 2 === 0 ? "ringall" : "sequential",
      ringSeconds: 20,
      members: numbers.slice(g * 5, g * 5 + 5),
    })),
    businessHours: [
      {
        id: `${code}-bh`,
        name: "Comercial",
        timezone: "America/Sao_Paulo",
        rules: [
          { days: ["mon", "tue", "wed", "thu", "fri"], open: "08:00", close: "18:00" },
          { days: ["sat"], open: "09:00", close: "13:00" },
        ],
      },
    ],
    dids,
    routes: Array.from({ length: OVERRIDES_PER_TENANT }, (_, r) =>
      route(`${code}-r${r}`, `override-${r}`, OPERATOR_ROUTES + t * OVERRIDES_PER_TENANT + r, r, gatewayNames),
    ),
  };
}

export function benchModel(): PbxConfigModel {
  const gws = gateways();
  const names = gws.map((g) => g.name);
  return {
    node: { id: "bench-node", name: "bench" },
    gateways: gws,
    routes: Array.from({ length: OPERATOR_ROUTES }, (_, r) => route(`op-${r}`, `route-${String(r).padStart(3, "0")}`, r, 10 + r, names)),
    tenants: Array.from({ length: TENANTS }, (_, t) => tenant(t, names)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

function inMemory(model: PbxConfigModel): { files: Record<string, string>; ok: boolean } {
  renderPbxConfig(model); // warm-up (JIT)
  const runs = Array.from({ length: RUNS }, () => timed(() => renderPbxConfig(model)));
  const files = runs[0]!.value;
  const times = runs.map((r) => r.ms);
  let total = 0;
  for (const [file, text] of Object.entries(files)) {
    const bytes = Buffer.byteLength(text);
    total += bytes;
    console.log(`  ${file.padEnd(28)} ${(bytes / 1024).toFixed(0).padStart(7)} KiB ${String(text.split("\n").length).padStart(8)} lines`);
  }
  console.log(`  ${"total".padEnd(28)} ${(total / 1024).toFixed(0).padStart(7)} KiB, ${countEndpoints(model)} endpoints`);

  const lint = timed(() => lintPbxConfig(files));
  console.log(`lint: ${lint.value.length} problems (${lint.ms.toFixed(0)} ms)`);
  for (const problem of lint.value.slice(0, 10)) console.log(`  ${problem}`);

  const med = median(times);
  console.log(
    `render: median ${med.toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); budget ${BUDGET_MS} ms`,
  );
  return { files, ok: med <= BUDGET_MS && lint.value.length === 0 };
}

// ------------------------------------------------------------------------------ --db

type Rows = Record<string, unknown[]>;

/** One INSERT … SELECT FROM unnest(…) per table (20,000 rows in one statement); values travel as text and are cast there. */
async function insertRows(client: pg.Client, table: string, columns: Rows, casts: Record<string, string>): Promise<void> {
  const names = Object.keys(columns);
  const params = names.map((name) =>
    columns[name]!.map((v) =>
      v === null ? null : v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v),
    ),
  );
  const unnest = names.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = names.map((_, i) => `c${i}`).join(", ");
  const select = names.map((name, i) => `c${i}::${casts[name] ?? "text"}`).join(", ");
  const quoted = names.map((n) => `"${n}"`).join(", ");
  await client.query(`INSERT INTO "${table}" (${quoted}) SELECT ${select} FROM unnest(${unnest}) AS u(${aliases})`, params);
}

function columnsOf<T>(items: T[], pick: (item: T) => Record<string, unknown>): Rows {
  const rows: Rows = {};
  for (const item of items) {
    for (const [key, value] of Object.entries(pick(item))) (rows[key] ??= []).push(value);
  }
  return rows;
}

async function seed(ownerUrl: string, model: PbxConfigModel, seal: (plain: string) => string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const now = new Date();
    const planId = randomUUID();
    const nodeId = randomUUID();
    const providerId = randomUUID();
    await client.query(
      `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "updatedAt")
       VALUES ($1, 'bench', 'Bench', 0, 1000, 1000, 1000, 100, ARRAY['route_overrides'], now())`,
      [planId],
    );
    await client.query(
      `INSERT INTO "PbxNode" (id, name, "amiHost", "amiUser", "amiSecretEnc", "configDir", "updatedAt") VALUES ($1, 'bench', '127.0.0.1', 'linha', $2, '/etc/asterisk/linha', now())`,
      [nodeId, seal("ami-secret")],
    );
    await client.query(`INSERT INTO "Provider" (id, name, "updatedAt") VALUES ($1, 'Bench carrier', now())`, [providerId]);
    const gatewayIds = new Map(model.gateways.map((g) => [g.name, randomUUID()]));
    await insertRows(
      client,
      "Gateway",
      columnsOf(model.gateways, (g) => ({
        id: gatewayIds.get(g.name),
        providerId,
        name: g.name,
        host: g.host,
        port: g.port,
        transport: g.transport,
        codecs: `{${g.codecs.join(",")}}`,
        techPrefix: g.techPrefix,
        authMode: g.authMode,
        username: g.username,
        secretEnc: g.secret === null ? null : seal(g.secret),
        updatedAt: now,
      })),
      {
        id: "uuid",
        providerId: "uuid",
        port: "int",
        transport: '"SipTransport"',
        codecs: "text[]",
        authMode: '"GatewayAuth"',
        updatedAt: "timestamptz",
      },
    );
    const tenantIds = new Map(model.tenants.map((t) => [t.code, randomUUID()]));
    await insertRows(
      client,
      "Tenant",
      columnsOf(model.tenants, (t) => ({
        id: tenantIds.get(t.code),
        slug: t.code,
        name: t.code,
        status: t.suspended ? "suspended" : "active",
        planId,
        pbxNodeId: nodeId,
        updatedAt: now,
      })),
      { id: "uuid", status: '"TenantStatus"', planId: "uuid", pbxNodeId: "uuid", updatedAt: "timestamptz" },
    );
    await seedTenantRows(client, model, tenantIds, providerId, seal, now);
    await seedRoutes(client, model, tenantIds, gatewayIds, now);
    return nodeId;
  } finally {
    await client.end();
  }
}

const ID = { id: "uuid", tenantId: "uuid", updatedAt: "timestamptz" };

async function seedTenantRows(
  client: pg.Client,
  model: PbxConfigModel,
  tenantIds: Map<string, string>,
  providerId: string,
  seal: (plain: string) => string,
  now: Date,
): Promise<void> {
  const extensionIds = new Map<string, string>();
  const trunkIds = new Map<string, string>();
  const groupIds = new Map<string, string>();
  const hoursIds = new Map<string, string>();
  const key = (code: string, id: string) => `${code}\0${id}`;
  const all = <T>(pick: (t: PbxConfigModel["tenants"][number]) => T[]) =>
    model.tenants.flatMap((t) => pick(t).map((item) => ({ t, item })));

  const extensions = all((t) => t.extensions);
  for (const { t, item } of extensions) extensionIds.set(key(t.code, item.number), randomUUID());
  await insertRows(
    client,
    "Extension",
    columnsOf(extensions, ({ t, item: e }) => ({
      id: extensionIds.get(key(t.code, e.number)),
      tenantId: tenantIds.get(t.code),
      number: e.number,
      name: e.callerIdName,
      secretEnc: seal(e.secret),
      callerIdNumber: e.callerIdNumber,
      voicemail: e.voicemail,
      maxContacts: e.maxContacts,
      enabled: e.enabled,
      updatedAt: now,
    })),
    { ...ID, voicemail: "boolean", maxContacts: "int", enabled: "boolean" },
  );
  const trunks = all((t) => t.trunks);
  for (const { t, item } of trunks) trunkIds.set(key(t.code, item.id), randomUUID());
  await insertRows(
    client,
    "Trunk",
    columnsOf(trunks, ({ t, item: x }) => ({
      id: trunkIds.get(key(t.code, x.id)),
      tenantId: tenantIds.get(t.code),
      name: x.name,
      authMode: x.authMode,
      ipMatches: `{${x.ipMatches.join(",")}}`,
      host: x.host,
      port: x.port,
      secretEnc: x.secret === null ? null : seal(x.secret),
      codecs: `{${x.codecs.join(",")}}`,
      channelLimit: x.channelLimit,
      callerIdPolicy: x.callerIdPolicy,
      callerIdNumber: x.callerIdNumber,
      enabled: x.enabled,
      updatedAt: now,
    })),
    {
      ...ID,
      authMode: '"TrunkAuthMode"',
      ipMatches: "text[]",
      port: "int",
      codecs: "text[]",
      channelLimit: "int",
      callerIdPolicy: '"CallerIdPolicy"',
      enabled: "boolean",
    },
  );
  const groups = all((t) => t.ringGroups);
  for (const { t, item } of groups) groupIds.set(key(t.code, item.id), randomUUID());
  await insertRows(
    client,
    "RingGroup",
    columnsOf(groups, ({ t, item: g }) => ({
      id: groupIds.get(key(t.code, g.id)),
      tenantId: tenantIds.get(t.code),
      name: g.name,
      strategy: g.strategy,
      ringSeconds: g.ringSeconds,
      updatedAt: now,
    })),
    { ...ID, strategy: '"RingStrategy"', ringSeconds: "int" },
  );
  const members = groups.flatMap(({ t, item: g }) => g.members.map((number, position) => ({ t, g, number, position })));
  await insertRows(
    client,
    "RingGroupMember",
    columnsOf(members, ({ t, g, number, position }) => ({
      tenantId: tenantIds.get(t.code),
      ringGroupId: groupIds.get(key(t.code, g.id)),
      extensionId: extensionIds.get(key(t.code, number)),
      position,
    })),
    { tenantId: "uuid", ringGroupId: "uuid", extensionId: "uuid", position: "int" },
  );
  const hours = all((t) => t.businessHours);
  for (const { t, item } of hours) hoursIds.set(key(t.code, item.id), randomUUID());
  await insertRows(
    client,
    "BusinessHours",
    columnsOf(hours, ({ t, item: h }) => ({
      id: hoursIds.get(key(t.code, h.id)),
      tenantId: tenantIds.get(t.code),
      name: h.name,
      timezone: h.timezone,
      rules: h.rules,
      updatedAt: now,
    })),
    { ...ID, rules: "jsonb" },
  );
  const dids = all((t) => t.dids).map((entry) => ({ ...entry, didId: randomUUID() }));
  await insertRows(
    client,
    "Did",
    columnsOf(dids, ({ t, item: d, didId }) => ({
      id: didId,
      number: d.number,
      providerId,
      status: "allocated",
      tenantId: tenantIds.get(t.code),
      allocatedAt: now,
      updatedAt: now,
    })),
    { ...ID, providerId: "uuid", status: '"DidStatus"', allocatedAt: "timestamptz" },
  );
  const ref = (code: string, destination: Destination | null) => ({
    type: destination?.type ?? null,
    extensionId: destination?.type === "extension" ? extensionIds.get(key(code, destination.number))! : null,
    ringGroupId: destination?.type === "ring_group" ? groupIds.get(key(code, destination.ringGroupId))! : null,
    trunkId: destination?.type === "trunk" ? trunkIds.get(key(code, destination.trunkId))! : null,
  });
  const routed = dids.filter(({ item }) => item.destination !== null);
  await insertRows(
    client,
    "DidRoute",
    columnsOf(routed, ({ t, item: d, didId }) => {
      const open = ref(t.code, d.destination);
      const after = ref(t.code, d.businessHoursId === null ? null : (d.afterHours ?? { type: "unavailable" }));
      return {
        id: randomUUID(),
        tenantId: tenantIds.get(t.code),
        didId,
        destType: open.type,
        extensionId: open.extensionId,
        ringGroupId: open.ringGroupId,
        trunkId: open.trunkId,
        businessHoursId: d.businessHoursId === null ? null : hoursIds.get(key(t.code, d.businessHoursId)),
        afterType: after.type,
        afterExtensionId: after.extensionId,
        afterRingGroupId: after.ringGroupId,
        afterTrunkId: after.trunkId,
        updatedAt: now,
      };
    }),
    {
      ...ID,
      didId: "uuid",
      destType: '"DidDestinationType"',
      extensionId: "uuid",
      ringGroupId: "uuid",
      trunkId: "uuid",
      businessHoursId: "uuid",
      afterType: '"DidDestinationType"',
      afterExtensionId: "uuid",
      afterRingGroupId: "uuid",
      afterTrunkId: "uuid",
    },
  );
}

async function seedRoutes(
  client: pg.Client,
  model: PbxConfigModel,
  tenantIds: Map<string, string>,
  gatewayIds: Map<string, string>,
  now: Date,
) {
  const routes = [
    ...model.routes.map((route) => ({ route, tenantId: null as string | null, id: randomUUID() })),
    ...model.tenants.flatMap((t) => t.routes.map((route) => ({ route, tenantId: tenantIds.get(t.code)!, id: randomUUID() }))),
  ];
  await insertRows(
    client,
    "OutboundRoute",
    columnsOf(routes, ({ route: r, tenantId, id }) => ({
      id,
      tenantId,
      name: r.name,
      pattern: r.pattern,
      priority: r.priority,
      stripDigits: r.stripDigits,
      prepend: r.prepend,
      callerIdNumber: r.callerIdNumber,
      updatedAt: now,
    })),
    { ...ID, priority: "int", stripDigits: "int" },
  );
  const links = routes.flatMap(({ route, id }) =>
    route.gateways.map((name, position) => ({ id, gatewayId: gatewayIds.get(name)!, position })),
  );
  await insertRows(
    client,
    "OutboundRouteGateway",
    columnsOf(links, ({ id, gatewayId, position }) => ({ routeId: id, gatewayId, position })),
    { routeId: "uuid", gatewayId: "uuid", position: "int" },
  );
}

async function fromDatabase(model: PbxConfigModel, expected: Record<string, string>): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "linha-bench-pbx-"));
  // PostgreSQL refuses to run as root: embedded-postgres runs it as a user who must write here.
  chmodSync(dir, 0o777);
  const server = await startEmbeddedPostgres({
    databaseDir: join(dir, "postgres"),
    port: await freePort(),
    password: "linha-bench",
    persistent: false,
  });
  let disconnect = async () => {};
  try {
    await ensureDatabaseExists(server.url("postgres"), "linha_bench");
    const ownerUrl = server.url("linha_bench");
    await deployMigrations(ownerUrl);
    const appUrl = await enableAppRoleLogin(ownerUrl, "linha-app-bench");
    // server/db.ts and lib/env.ts read these on first use: set them before any @/server module loads.
    process.env.APP_DATABASE_URL = appUrl;
    process.env.NEXTAUTH_SECRET ??= "bench-only-secret-0123456789abcdefghijkl";
    process.env.APP_SECRET ??= "bench-only-app-secret-0123456789abcdefgh";
    process.env.ROOT_DOMAIN = "localhost";
    process.env.LOG_LEVEL ??= "silent";
    const { sealSecret } = await import("@/server/crypto/secret-box");
    const { platformDb, withAdmin } = await import("@/server/db");
    const { loadPbxConfigModel } = await import("@/server/services/pbx/load-config-model");
    disconnect = () => platformDb().$disconnect();

    const seeding = performance.now();
    const nodeId = await seed(ownerUrl, model, (plain) => sealSecret(plain, process.env.APP_SECRET!));
    console.log(`\n--db: seeded the same data into PostgreSQL in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    const load = () => withAdmin((db) => loadPbxConfigModel(db, nodeId), { timeoutMs: 120_000 });
    await load(); // warm-up: connection pool, Prisma's query plans
    const loads: number[] = [];
    const totals: number[] = [];
    let files: Record<string, string> = {};
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const loaded = await load();
      loads.push(performance.now() - started);
      files = renderPbxConfig(loaded);
      totals.push(performance.now() - started);
    }
    const identical = Object.keys(expected).every((file) => files[file] === expected[file]);
    console.log(`load: median ${median(loads).toFixed(0)} ms; load + render: median ${median(totals).toFixed(0)} ms over ${RUNS} runs`);
    console.log(`files rendered from the database ${identical ? "are byte-identical to" : "DIFFER from"} the in-memory ones`);
    for (const file of Object.keys(expected)) if (files[file] !== expected[file]) console.log(`  differs: ${file}`);
    return identical;
  } finally {
    await disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const model = benchModel();
  const extensions = model.tenants.reduce((n, t) => n + t.extensions.length, 0);
  const dids = model.tenants.reduce((n, t) => n + t.dids.length, 0);
  const routes = model.routes.length + model.tenants.reduce((n, t) => n + t.routes.length, 0);
  console.log(
    `model: ${model.tenants.length} tenants, ${extensions} extensions, ${dids} DIDs, ${routes} routes, ${model.gateways.length} gateways`,
  );
  const memory = inMemory(model);
  const db = process.argv.includes("--db") ? await fromDatabase(model, memory.files) : true;
  process.exitCode = memory.ok && db ? 0 : 1;
}

if (process.env.BENCH_NO_MAIN !== "1") {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
