import { randomInt, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { parseHost } from "@/lib/host";
import type { Locale } from "@/lib/i18n";
import { AppError } from "@/server/errors";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { createCaller } from "@/server/trpc/root";

// Arrangements shared by the inventory's integration tests. Other test files run in parallel on
// the same database, so everything made here has a unique name and its own block of numbers.

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The demo super admin on the console host, speaking `locale` (callerFor's is always en). */
export async function rootCaller(locale: Locale = "en") {
  const [user] = await ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = 'root@linha.local'`);
  if (!user) throw new Error("no root@linha.local");
  if (locale === "en") return callerFor("root@linha.local", "admin.localhost:3000");
  return createCaller({
    target: parseHost("admin.localhost:3000", "localhost"),
    session: {
      user: { id: user.id, email: "root@linha.local", name: user.name, scope: "admin", locale },
      expires: new Date(Date.now() + 3600_000).toISOString(),
    },
    locale,
    ip: "127.0.0.1",
    apiKey: null,
    origin: "http://localhost:3000",
  });
}

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The fields a refused call blames, as the error formatter reports them (update's "data." dropped). */
export function blamedFields(error: TRPCError): string[] {
  const cause = error.cause;
  if (cause instanceof ZodError) return cause.issues.map((i) => (i.path[0] === "data" ? i.path.slice(1) : i.path).join("."));
  if (cause instanceof AppError) return Object.keys(cause.details?.fieldErrors ?? {});
  return [];
}

const DDDS = ["11", "21", "31", "41", "47", "51", "61", "71", "81", "85", "91"];

/** `count` consecutive Brazilian landlines in a random block, as a person would type them. */
export function numberBlock(count: number): { typed: string[]; e164: string[] } {
  const ddd = DDDS[randomInt(DDDS.length)]!;
  const start = 20_000_000 + randomInt(20_000_000 - count);
  const typed: string[] = [];
  const e164: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(start + i);
    typed.push(`(${ddd}) ${n.slice(0, 4)}-${n.slice(4)}`);
    e164.push(`+55${ddd}${n}`);
  }
  return { typed, e164 };
}

/** A tenant of its own on a plan of its own, so plan limits can be tested without touching the demo. */
export async function throwawayTenant(maxDids: number): Promise<{ id: string; slug: string; name: string; planId: string }> {
  const code = unique("plan");
  const [plan] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", "updatedAt")
     VALUES (gen_random_uuid(), $1, $1, 0, 5, 5, $2, 2, now()) RETURNING id`,
    [code, maxDids],
  );
  const slug = unique("t");
  const name = `Inventory test ${slug}`;
  const [tenant] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Tenant" (id, slug, name, "planId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [slug, name, plan!.id],
  );
  return { id: tenant!.id, slug, name, planId: plan!.id };
}

/** Free numbers inserted behind the app's back, for tests about what happens to them next. */
export async function insertFreeDids(
  providerId: string,
  count: number,
  gatewayId: string | null = null,
): Promise<{ id: string; number: string }[]> {
  const { e164 } = numberBlock(count);
  return ownerQuery<{ id: string; number: string }>(
    `INSERT INTO "Did" (id, number, "providerId", "gatewayId", "monthlyCost", "updatedAt")
     SELECT gen_random_uuid(), n, $2, $3, 10, now() FROM unnest($1::text[]) AS n RETURNING id, number`,
    [e164, providerId, gatewayId],
  );
}

export type AuditRow = {
  action: string;
  tenantId: string | null;
  objectId: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
};

export async function auditFor(objectId: string): Promise<AuditRow[]> {
  return ownerQuery<AuditRow>(
    `SELECT action, "tenantId", "objectId", "actorEmail", before, after FROM "AuditLog" WHERE "objectId" = $1 ORDER BY "createdAt", id`,
    [objectId],
  );
}

export async function count(table: "Provider" | "Gateway" | "PbxNode" | "Did", where = "true", params: unknown[] = []): Promise<number> {
  const [row] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params);
  return row!.n;
}
