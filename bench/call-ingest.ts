// The call-event ingest under load (issue 6, Must show 4): 10,000 AMI events per second from the AMI
// test server (synthetic click-to-calls in capture 02's exact bytes, two tenants interleaved) over
// real TCP into the real AMI client → the node's call ingest (tracker, advisory lock, batched
// writes under RLS) → pg_notify → this process's live bus → the tRPC `calls.live.updates` SSE
// stream of a client subscribed over HTTP for each tenant.
//
// Prints the rate the ingest actually consumed in the steady state beside the rate the AMI server
// emitted over the same window, whether it kept up (its lag when the traffic stops), the calls
// persisted, and the latency from the moment the AMI server wrote the event that moves a call into a
// state to the moment the subscribed client received that state: p50/p95/p99/max. Exits 1 when less
// than 10,000 events/s were emitted, the ingest took in less than 99.5 % of them, or p95 > 250 ms.
//
// Which event moves a call into which state is not guessed: the template call is first fed to the
// real CallTracker alone, and the event after which each state first appears is the trigger.
//
//   npm run bench:call-ingest
//   BENCH_EVENTS_PER_SEC=10000 BENCH_SECONDS=10 npm run bench:call-ingest
//   BENCH_PROFILE=full npm run bench:call-ingest     # every event of capture 02 (96 per call): ~104 calls/s
// The default (lean, ~31 events per call) is the figure: about 300 calls/s at 10,000 events/s.
import { fork, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Session } from "next-auth";
import pg from "pg";
import type { AmiEvent } from "@/asterisk/ami/types";
import { startAmiServer } from "@/asterisk/testing/ami-server";
import { createCallGenerator, type SyntheticCall } from "@/asterisk/testing/call-generator";
import type { LiveStreamMessage } from "@/lib/schemas/calls";
import { deployMigrations } from "@/prisma/migrate-engine";
import { enableAppRoleLogin } from "@/scripts/lib/app-role";
import { freePort } from "@/scripts/lib/free-port";
import { ensureDatabaseExists, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

const EVENTS_PER_SEC = positiveInt("BENCH_EVENTS_PER_SEC", 10_000);
/** Seconds at full rate (calls keep starting for this long after the ramp-up of one call's length). */
const STEADY_SECONDS = positiveInt("BENCH_SECONDS", 10);
const PROFILE = process.env.BENCH_PROFILE === "full" ? "full" : "lean";
const MIN_EVENTS_PER_SEC = 10_000;
/** The share of the emitted events the ingest must take in over the steady window. */
const MIN_INGESTED_SHARE = 0.995;
const MAX_P95_MS = 250;
const EXTENSIONS_PER_TENANT = 200;
const TENANTS = ["bench-a", "bench-b"] as const;
const AMI_SECRET = "bench-ami-secret";
const APP_SECRET = "bench-app-secret-0123456789abcdef0123456789";

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function asAmiEvent(headers: Array<[string, string]>): AmiEvent {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of headers) {
    const name = key.toLowerCase();
    const existing = fields[name];
    fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { event: String(fields.event), fields };
}

/** For each state, the index of the template event after which the real tracker first reports it. */
async function stateTriggers(call: SyntheticCall): Promise<Map<string, number>> {
  const { CallTracker } = await import("@/asterisk/events/call-tracker");
  const tracker = new CallTracker();
  const triggers = new Map<string, number>();
  call.events.forEach((event, index) => {
    for (const output of tracker.ingest(asAmiEvent(event.headers))) {
      if (output.kind === "call" && !triggers.has(output.call.state)) triggers.set(output.call.state, index);
    }
  });
  return triggers;
}

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

type BenchTenant = { id: string; slug: string; session: Session };

async function arrange(owner: pg.Client, sealedSecret: string, amiPort: number): Promise<{ nodeId: string; tenants: BenchTenant[] }> {
  const { rows: plan } = await owner.query<{ id: string }>(
    `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "updatedAt")
     VALUES (gen_random_uuid(), 'bench', 'Bench', 0, 1000, 1000, 1000, 100000, ARRAY['monitoring'], now()) RETURNING id`,
  );
  const { rows: node } = await owner.query<{ id: string }>(
    `INSERT INTO "PbxNode" (id, name, "amiHost", "amiPort", "amiUser", "amiSecretEnc", "configDir", "updatedAt")
     VALUES (gen_random_uuid(), 'bench-pbx', '127.0.0.1', $1, 'linha', $2, '/tmp/linha-bench-asterisk', now()) RETURNING id`,
    [amiPort, sealedSecret],
  );
  const tenants: BenchTenant[] = [];
  for (const slug of TENANTS) {
    const { rows: tenant } = await owner.query<{ id: string }>(
      `INSERT INTO "Tenant" (id, slug, name, "planId", "pbxNodeId", "updatedAt") VALUES (gen_random_uuid(), $1, $1, $2, $3, now()) RETURNING id`,
      [slug, plan[0]!.id, node[0]!.id],
    );
    const tenantId = tenant[0]!.id;
    const email = `admin@${slug}.test`;
    const { rows: user } = await owner.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Bench Admin', 'x', now()) RETURNING id`,
      [email],
    );
    const { rows: membership } = await owner.query<{ id: string }>(
      `INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'admin') RETURNING id`,
      [tenantId, user[0]!.id],
    );
    // Every extension belongs to the admin (the ingest copies the member onto the call).
    await owner.query(
      `INSERT INTO "Extension" (id, "tenantId", number, name, "membershipId", "secretEnc", "updatedAt")
       SELECT gen_random_uuid(), $1, (1000 + g)::text, 'Ramal ' || (1000 + g), $2, 'x', now() FROM generate_series(1, $3::int) AS g`,
      [tenantId, membership[0]!.id, EXTENSIONS_PER_TENANT],
    );
    // One dialled number in ten is a known lead (the ingest matches leads by number).
    await owner.query(
      `INSERT INTO "Lead" (id, "tenantId", name, phone, "updatedAt")
       SELECT gen_random_uuid(), $1, 'Lead ' || g, '+55119' || lpad(g::text, 8, '0'), now() FROM generate_series(0, 200000, 10) AS g`,
      [tenantId],
    );
    const session: Session = {
      user: { id: user[0]!.id, email, name: "Bench Admin", scope: `tenant:${slug}`, locale: "pt-BR" },
      expires: new Date(Date.now() + 3600_000).toISOString(),
    };
    tenants.push({ id: tenantId, slug, session });
  }
  await owner.query("ANALYZE");
  return { nodeId: node[0]!.id, tenants };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "linha-bench-calls-"));
  const db = await startDatabase(dir);
  // Server modules read their environment once (lib/env.ts): set it before importing them.
  Object.assign(process.env, {
    APP_DATABASE_URL: db.appUrl,
    APP_SECRET,
    NEXTAUTH_SECRET: APP_SECRET,
    ROOT_DOMAIN: "localhost",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  const { sealSecret } = await import("@/server/crypto/secret-box");
  const { startPbxConnections, stopPbxConnections } = await import("@/server/services/pbx/ami-connections");
  const { startCallIngest, stopCallIngest, ingestStats, flushCallIngest } = await import("@/server/services/calls/ingest/call-ingest");
  const { stopLiveBus } = await import("@/server/services/calls/live-bus");
  const { startTrpcHttpServer, subscribeSse } = await import("@/server/routers/calls/live-sse.fixture");

  const ami = await startTrafficProcess();
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const { nodeId, tenants } = await arrange(owner, sealSecret(AMI_SECRET, APP_SECRET), ami.port);

  await startPbxConnections({ nodeIds: [nodeId], client: { keepAliveMs: 0 } });
  await startCallIngest({ nodeIds: [nodeId], lockRetryMs: 200 });
  const stats = () => ingestStats().find((s) => s.nodeId === nodeId);
  for (let waited = 0; !stats()?.holdsLock; waited += 50) {
    if (waited > 15_000) throw new Error("the ingest never took the node's lock / connected");
    await sleep(50);
  }
  await sleep(300); // its first reconcile (CoreShowChannels) answers empty

  const http = await startTrpcHttpServer(new Map(tenants.map((t) => [t.slug, t.session])));
  const subscriptions = tenants.map((t) =>
    subscribeSse({ port: http.port, host: `${t.slug}.localhost`, path: "calls.live.updates", session: t.slug }),
  );
  await Promise.all(subscriptions.map((s) => s.waitFor((d) => (d as LiveStreamMessage).type === "resync", 15_000)));

  // ---------------------------------------------------------------- the traffic
  const generator = createCallGenerator({ profile: PROFILE });
  const plan = trafficPlan(generator.eventsPerCall, generator.callDurationMs);
  const triggers = await stateTriggers(generator.next({ tenant: "x", extension: "1001", number: "5511900000000" }));
  const stateNames = [...triggers.keys()];
  const received = new Map<string, number>(); // "<call>:<state>" → when the client first got it (epoch ms)
  let unmatched = 0;
  for (const subscription of subscriptions) {
    subscription.onMessage((message) => {
      const data = message.data as LiveStreamMessage;
      if (data.type !== "call") return;
      const index = callIndexOf(data.call.toNumber) ?? callIndexOf(data.call.fromNumber);
      if (index === null || index >= plan.callCount || !triggers.has(data.call.state)) return void unmatched++;
      const key = `${index}:${data.call.state}`;
      if (!received.has(key)) received.set(key, performance.timeOrigin + message.receivedAt);
    });
  }

  console.log(
    `bench:call-ingest — profile ${PROFILE} (${generator.eventsPerCall} events/call), target ${EVENTS_PER_SEC} events/s ≈ ${plan.callsPerSec.toFixed(0)} calls/s, ` +
      `${plan.callCount} calls / ${plan.totalEvents} events over ${((plan.startWindowMs + plan.callMs) / 1000).toFixed(1)} s, 2 tenants interleaved`,
  );
  const ingestedAtStart = stats()?.eventsIn ?? 0;
  // Timestamped samples: a tick delayed by a busy event loop shifts its timestamp, not the rate.
  const samples: IngestSample[] = [];
  const sample = () => samples.push({ at: now(), ingested: (stats()?.eventsIn ?? 0) - ingestedAtStart });
  sample();
  const sampler = setInterval(sample, 100);
  const t0 = now();
  const run = await trafficRun(ami, { triggerIndexes: stateNames.map((state) => triggers.get(state)!) });
  const emitEnd = now();
  // Drained: every event consumed by the ingest and committed.
  while ((stats()?.eventsIn ?? 0) - ingestedAtStart < plan.totalEvents && now() - emitEnd < 60_000) await sleep(5);
  await flushCallIngest();
  const drainedAt = now();
  clearInterval(sampler);
  sample();
  const lagAtEndMs = drainedAt - emitEnd;
  // Let the last NOTIFYs reach the clients.
  for (let waited = 0; triggers.has("ended") && waited < 10_000; waited += 50) {
    if ([...Array(plan.callCount).keys()].every((i) => received.has(`${i}:ended`))) break;
    await sleep(50);
  }
  const latencies: number[] = [];
  for (let i = 0; i < plan.callCount; i++) {
    stateNames.forEach((state, k) => {
      const got = received.get(`${i}:${state}`);
      const wrote = run.triggerWrittenAt[i]![k]!;
      if (got !== undefined && wrote > 0) latencies.push(got - wrote);
    });
  }

  // ---------------------------------------------------------------- results
  const final = stats()!;
  const { rows: persisted } = await owner.query<{ total: number; ended: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE state = 'ended')::int AS ended FROM "Call" WHERE "pbxNodeId" = $1`,
    [nodeId],
  );
  const steady = steadyRates(run, samples);
  // The schedule releases whole calls' events at fixed offsets: a window's count can fall short of
  // rate × duration by at most one call's events, which is not a shortfall of the generator.
  const minEmitted = MIN_EVENTS_PER_SEC - generator.eventsPerCall / (steady.durationMs / 1000);
  const overall = (final.eventsIn - ingestedAtStart) / ((drainedAt - t0) / 1000);
  latencies.sort((a, b) => a - b);
  const p = (q: number) => percentile(latencies, q).toFixed(1);
  const endedSeen = [...received.keys()].filter((key) => key.endsWith(":ended")).length;

  console.log(`emitted per second: ${run.emittedPerSecond.join(" ")}`);
  console.log(`taken in per second (the same seconds): ${steady.ingestedPerSecond.join(" ")}`);
  console.log(
    `steady state (${(steady.durationMs / 1000).toFixed(3)} s measured): emitted ${steady.emittedRate.toFixed(0)} events/s, ` +
      `taken in by the ingest (AMI → tracker) ${steady.ingestedRate.toFixed(0)} events/s = ${((100 * steady.ingestedRate) / steady.emittedRate).toFixed(2)} % ` +
      `(min ${steady.minIngestedPerSecond} in one second); ` +
      `persisted (first event → everything committed) ${overall.toFixed(0)} (${final.eventsIn - ingestedAtStart} events in ${((drainedAt - t0) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `kept up: ${lagAtEndMs < 1000 ? "yes" : "NO"} — lag when the traffic stopped ${lagAtEndMs.toFixed(0)} ms; flushes ${final.flushes}, ` +
      `last flush ${final.lastFlushMs.toFixed(1)} ms, max flush ${final.maxFlushMs.toFixed(1)} ms, flush errors ${final.flushErrors}, dropped (unattributed/unknown tenant) ${final.droppedUnattributed}/${final.droppedUnknownTenant}`,
  );
  console.log(
    `calls persisted: ${persisted[0]!.total} (${persisted[0]!.ended} ended) of ${plan.callCount} generated; ended updates received for ${endedSeen}`,
  );
  console.log(
    `AMI write → SSE client latency (${latencies.length} state changes, ${stateNames.join("/")}): p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${p(100)} ms` +
      (unmatched ? ` (${unmatched} updates not matched to a generated call)` : ""),
  );

  const failures: string[] = [];
  if (!(steady.emittedRate >= minEmitted))
    failures.push(
      `steady-state emission ${steady.emittedRate.toFixed(0)} events/s < ${MIN_EVENTS_PER_SEC} (the generator did not offer the load)`,
    );
  if (!(steady.ingestedRate >= MIN_INGESTED_SHARE * steady.emittedRate))
    failures.push(
      `steady-state ingest ${steady.ingestedRate.toFixed(0)} events/s < ${MIN_INGESTED_SHARE * 100} % of the ${steady.emittedRate.toFixed(0)} emitted`,
    );
  if (lagAtEndMs >= 1000) failures.push(`the ingest fell behind (${lagAtEndMs.toFixed(0)} ms of lag)`);
  if (!(percentile(latencies, 95) <= MAX_P95_MS)) failures.push(`p95 latency ${p(95)} ms > ${MAX_P95_MS} ms`);
  if (persisted[0]!.total !== plan.callCount) failures.push(`${persisted[0]!.total} calls persisted, ${plan.callCount} generated`);

  for (const s of subscriptions) s.close();
  await http.close();
  await stopCallIngest();
  await stopPbxConnections();
  await stopLiveBus();
  ami.kill();
  await owner.end();
  await db.server.stop();
  rmSync(dir, { recursive: true, force: true });

  if (failures.length) {
    console.log(`FAIL: ${failures.join("; ")}`);
    process.exit(1);
  }
  console.log(`OK: ≥ ${MIN_EVENTS_PER_SEC} events/s emitted, ≥ ${MIN_INGESTED_SHARE * 100} % of them taken in, and p95 ≤ ${MAX_P95_MS} ms`);
  process.exit(0);
}

type IngestSample = { at: number; ingested: number };

/** Events taken in by `at` (epoch ms), interpolated between the two samples around it. */
function ingestedAt(samples: IngestSample[], at: number): number {
  const after = samples.findIndex((s) => s.at >= at);
  if (after === -1) return samples[samples.length - 1]!.ingested;
  if (after === 0) return samples[0]!.ingested;
  const [a, b] = [samples[after - 1]!, samples[after]!];
  return a.ingested + ((b.ingested - a.ingested) * (at - a.at)) / (b.at - a.at || 1);
}

/**
 * Emission and intake over the same window: the steady state (every call slot busy) as the child
 * measured it, from its first tick in the steady state to its last one. Each rate is a count divided
 * by the window's measured duration, not an average of per-second buckets whose length drifts with
 * event-loop delay.
 */
function steadyRates(run: TrafficResult, samples: IngestSample[]) {
  const { from, to } = run.steady;
  const durationMs = to.at - from.at;
  const endOf = (second: number) => (second === 0 ? run.startedAt : run.secondEndedAt[second - 1]!);
  const ingestedPerSecond: number[] = [];
  const insideWindow: number[] = [];
  for (let second = 1; second <= run.secondEndedAt.length; second++) {
    const taken = Math.round(ingestedAt(samples, endOf(second)) - ingestedAt(samples, endOf(second - 1)));
    ingestedPerSecond.push(taken);
    if (endOf(second - 1) >= from.at && endOf(second) <= to.at) insideWindow.push(taken);
  }
  return {
    durationMs,
    emittedRate: (to.emitted - from.emitted) / (durationMs / 1000),
    ingestedRate: (ingestedAt(samples, to.at) - ingestedAt(samples, from.at)) / (durationMs / 1000),
    ingestedPerSecond,
    minIngestedPerSecond: Math.min(...insideWindow),
  };
}

// ---------------------------------------------------------------- the PBX side (a child process)
// Asterisk is another process in production: the AMI server and the traffic generator run in a
// child process so that writing 10,000 events/s does not share the app's event loop. Both
// processes stamp times as epoch milliseconds (performance.timeOrigin + now) on the same machine.

type TrafficPlan = { callsPerSec: number; callMs: number; startWindowMs: number; callCount: number; totalEvents: number };

function trafficPlan(eventsPerCall: number, callMs: number): TrafficPlan {
  const callsPerSec = EVENTS_PER_SEC / eventsPerCall;
  const startWindowMs = callMs + STEADY_SECONDS * 1000; // ramp-up of one call's length, then full rate
  const callCount = Math.round((startWindowMs / 1000) * callsPerSec);
  return { callsPerSec, callMs, startWindowMs, callCount, totalEvents: callCount * eventsPerCall };
}

/** Call i dials 55119 followed by i on 8 digits (the ingest may report it as +55119…). */
function callNumber(index: number): string {
  return `55119${String(index).padStart(8, "0")}`;
}

function callIndexOf(number: string | null): number | null {
  const digits = (number ?? "").replace(/\D/g, "");
  return digits.length === 13 && digits.startsWith("55119") ? Number(digits.slice(5)) : null;
}

type EmissionMark = { at: number; emitted: number };

type TrafficProcess = { port: number; child: ChildProcess; kill(): void };
type TrafficResult = {
  /** Events written in each second of the run (the last entry is the partial final second). */
  emittedPerSecond: number[];
  /** Epoch ms when the child started emitting, and when each whole second of emittedPerSecond ended. */
  startedAt: number;
  secondEndedAt: number[];
  /** Events written by the child's first tick in the steady state and by its last one (epoch ms). */
  steady: { from: EmissionMark; to: EmissionMark };
  triggerWrittenAt: number[][];
};

async function startTrafficProcess(): Promise<TrafficProcess> {
  const child = fork(process.argv[1]!, [], { execArgv: process.execArgv, env: { ...process.env, BENCH_TRAFFIC_CHILD: "1" } });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message: { type: string; port: number }) => resolve(message.port));
    child.once("exit", (code) => reject(new Error(`the traffic process exited (${code})`)));
  });
  return { port, child, kill: () => void child.kill() };
}

function trafficRun(traffic: TrafficProcess, request: { triggerIndexes: number[] }): Promise<TrafficResult> {
  return new Promise((resolve) => {
    traffic.child.once("message", (message: TrafficResult) => resolve(message));
    traffic.child.send({ type: "run", ...request });
  });
}

async function trafficChild(): Promise<void> {
  const ami = await startAmiServer({ users: [{ username: "linha", secret: AMI_SECRET }] });
  process.send!({ type: "ready", port: ami.port });
  process.on("message", (message: { type: string; triggerIndexes: number[] }) => {
    if (message.type === "run") void emitTraffic(ami, message.triggerIndexes).then((result) => process.send!(result));
  });
  process.on("disconnect", () => process.exit(0));
}

async function emitTraffic(ami: Awaited<ReturnType<typeof startAmiServer>>, triggerIndexes: number[]): Promise<TrafficResult> {
  const generator = createCallGenerator({ profile: PROFILE });
  const plan = trafficPlan(generator.eventsPerCall, generator.callDurationMs);
  const calls: SyntheticCall[] = [];
  const schedule: Array<{ at: number; call: number; index: number }> = [];
  for (let i = 0; i < plan.callCount; i++) {
    const call = generator.next({
      tenant: TENANTS[i % TENANTS.length]!,
      extension: String(1001 + (Math.floor(i / TENANTS.length) % EXTENSIONS_PER_TENANT)),
      number: callNumber(i),
    });
    calls.push(call);
    const startAt = (i / plan.callsPerSec) * 1000;
    call.events.forEach((event, index) => schedule.push({ at: startAt + event.offsetMs, call: i, index }));
  }
  schedule.sort((a, b) => a.at - b.at || a.call - b.call || a.index - b.index);
  const triggerWrittenAt = calls.map(() => triggerIndexes.map(() => 0));
  const triggerSlot = new Map(triggerIndexes.map((eventIndex, k) => [eventIndex, k]));
  const emittedPerSecond: number[] = [];
  const secondEndedAt: number[] = [];
  const t0 = now();
  const steady: { from: EmissionMark | null; to: EmissionMark } = { from: null, to: { at: t0, emitted: 0 } };
  let emitted = 0;
  let cursor = 0;
  let second = 0;
  let emittedThisSecond = 0;
  while (cursor < schedule.length) {
    const elapsed = now() - t0;
    while (cursor < schedule.length && schedule[cursor]!.at <= elapsed) {
      const due = schedule[cursor++]!;
      ami.emit(calls[due.call]!.events[due.index]!.headers);
      emittedThisSecond++;
      emitted++;
      const slot = triggerSlot.get(due.index);
      if (slot !== undefined) triggerWrittenAt[due.call]![slot] = now();
    }
    // Everything due by `elapsed` is written: a mark pairs that instant with that count. The marks
    // stay inside the steady state (first tick in it, last tick in it) whatever the ticks' delays.
    if (elapsed >= plan.callMs && steady.from === null) steady.from = { at: t0 + elapsed, emitted };
    if (elapsed <= plan.startWindowMs) steady.to = { at: t0 + elapsed, emitted };
    if (elapsed >= (second + 1) * 1000) {
      emittedPerSecond.push(emittedThisSecond);
      secondEndedAt.push(t0 + elapsed);
      emittedThisSecond = 0;
      second++;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  emittedPerSecond.push(emittedThisSecond);
  return { emittedPerSecond, startedAt: t0, secondEndedAt, steady: { from: steady.from ?? steady.to, to: steady.to }, triggerWrittenAt };
}

if (process.env.BENCH_TRAFFIC_CHILD === "1") {
  void trafficChild();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
