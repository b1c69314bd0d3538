import { randomInt, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { makeWorkspace, memberCaller } from "@/server/routers/settings/settings-fixtures";
import { insertCalls } from "@/server/services/calls/history/history.fixture";

// Test arrangement for the tenant's billing (imported by *.int.test.ts only): a throw-away tenant
// with one member of each role, and charges and invoices written as the tables' owner exactly as
// the rating and invoice runs would leave them (no decks needed). acme and globex are never touched.

export async function billingWorkspace() {
  const { planId, tenant, owner } = await makeWorkspace();
  const admin = await memberCaller(tenant, "admin", "Ana Admin");
  const manager = await memberCaller(tenant, "manager", "Marta Gerente");
  const rep = await memberCaller(tenant, "rep", "Rui Vendedor");
  const support = await callerFor("root@linha.local", tenant.host, `support:${tenant.slug}`);
  return { planId, tenant, owner, admin, manager, rep, support };
}
export type BillingWorkspace = Awaited<ReturnType<typeof billingWorkspace>>;

export type ChargeSeed = {
  startedAt: Date;
  status?: "rated" | "unratable";
  destination?: string;
  number?: string;
  answeredSec?: number;
  billedSecSell?: number;
  billedSecBuy?: number;
  priceMicros?: bigint;
  costMicros?: bigint;
  gatewayName?: string;
  ratedAt?: Date;
};

/** A finished outbound call and its charge per seed; the charges' ids in order. */
export async function insertCharges(tenantId: string, charges: ChargeSeed[]): Promise<string[]> {
  const ids: string[] = [];
  for (const c of charges) {
    const status = c.status ?? "rated";
    const sec = c.billedSecSell ?? 60;
    const [callId] = await insertCalls(tenantId, [
      { startedAt: c.startedAt, durationSec: c.answeredSec ?? sec, toNumber: c.number ?? "5511999990000" },
    ]);
    const price = status === "rated" ? (c.priceMicros ?? 100_000n) : null;
    const cost = status === "rated" ? (c.costMicros ?? 40_000n) : null;
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", destination,
         "answeredSec", "billedSecSell", "billedSecBuy", "priceMicros", "costMicros", "marginMicros", "gatewayName", "ratedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'outbound', $4, $5::"ChargeStatus", $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        tenantId,
        callId,
        c.startedAt,
        c.number ?? "5511999990000",
        status,
        status === "unratable" ? "no_buy_rate" : null,
        status === "rated" ? (c.destination ?? "Brasil Fixo SP") : null,
        c.answeredSec ?? sec,
        status === "rated" ? sec : 0,
        status === "rated" ? (c.billedSecBuy ?? sec) : 0,
        price,
        cost,
        price !== null && cost !== null ? price - cost : null,
        c.gatewayName ?? "test-gw",
        c.ratedAt ?? new Date(),
      ],
    );
    ids.push(row!.id);
  }
  return ids;
}

export type InvoiceSeed = {
  /** "2026-10" */
  month: string;
  status: "draft" | "issued" | "paid" | "void";
  /** Lines; amounts in centavos. The invoice's totals are their sums (taxes as tax lines). */
  lines?: { kind: "plan" | "did" | "usage" | "tax"; description: string; amountCents: bigint }[];
};

/** An invoice in the given state with its lines, as the invoice run and the console leave it. */
export async function insertInvoice(tenantId: string, seed: InvoiceSeed): Promise<string> {
  const lines = seed.lines ?? [
    { kind: "plan" as const, description: "Plano", amountCents: 34_990n },
    { kind: "usage" as const, description: "Brasil Fixo SP", amountCents: 1_234n },
    { kind: "tax" as const, description: "ISS", amountCents: 1_811n },
  ];
  const subtotal = lines.filter((l) => l.kind !== "tax").reduce((sum, l) => sum + l.amountCents, 0n);
  const tax = lines.filter((l) => l.kind === "tax").reduce((sum, l) => sum + l.amountCents, 0n);
  const issued = seed.status !== "draft";
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Invoice" (id, "tenantId", period, number, status, "subtotalCents", "taxCents", "totalCents", "issuedAt", "dueAt", "paidAt",
       "voidedAt", "voidReason", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2::date, $3, $4::"InvoiceStatus", $5, $6, $7, $8, $9::date, $10, $11, $12, now()) RETURNING id`,
    [
      tenantId,
      `${seed.month}-01`,
      issued ? `T-${randomUUID().slice(0, 13)}` : null,
      seed.status,
      subtotal,
      tax,
      subtotal + tax,
      issued ? new Date() : null,
      issued ? `${seed.month}-28` : null,
      seed.status === "paid" ? new Date() : null,
      seed.status === "void" ? new Date() : null,
      seed.status === "void" ? "Teste" : null,
    ],
  );
  let position = 0;
  for (const line of lines) {
    position++;
    await ownerQuery(
      `INSERT INTO "InvoiceLine" (id, "tenantId", "invoiceId", position, kind, description, quantity, "billedSeconds", "basisPoints", "amountCents")
       VALUES (gen_random_uuid(), $1, $2, $3, $4::"InvoiceLineKind", $5, $6, $7, $8, $9)`,
      [
        tenantId,
        row!.id,
        position,
        line.kind,
        line.description,
        line.kind === "tax" ? null : 1,
        line.kind === "usage" ? 60 : null,
        line.kind === "tax" ? 500 : null,
        line.amountCents,
      ],
    );
  }
  return row!.id;
}

let providerId: Promise<string> | undefined;

/** A DID held by the tenant since `since`, with a monthly price (and a cost the tenant must never see). */
export async function allocateBillingDid(tenantId: string, monthlyPrice: string, since: Date): Promise<string> {
  providerId ??= ownerQuery<{ id: string }>(
    `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
    [`billing-test-${randomUUID().slice(0, 8)}`],
  ).then((rows) => rows[0]!.id);
  const number = `+55119${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  await ownerQuery(
    `INSERT INTO "Did" (id, number, "providerId", status, "tenantId", "allocatedAt", "monthlyCost", "monthlyPrice", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'allocated', $3, $4, 7.77, $5, now())`,
    [number, await providerId, tenantId, since, monthlyPrice],
  );
  return number;
}

/** Every key of a value, recursively (arrays and nested objects), for "no cost field anywhere" checks. */
export function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
}

/** The tRPC error a call fails with (and a test failure if it does not fail). */
export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
