import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { parseHost } from "@/lib/host";
import type { Locale } from "@/lib/i18n";
import type { MemberRole } from "@/prisma/generated/client";
import { ownerQuery } from "@/server/testing/owner-db";
import { createCaller } from "@/server/trpc/root";

// A throw-away workspace for the leads tests (test files run in parallel against one database, so
// nothing stateful touches the acme/globex demo rows): a manager, two reps, leads arranged in SQL.

export type Caller = ReturnType<typeof createCaller>;

/** Signed in as `userId` on the tenant's host, speaking `locale` (the export's language). */
export function sessionCaller(user: { id: string; email: string; name: string }, slug: string, locale: Locale = "en"): Caller {
  const host = `${slug}.localhost:3000`;
  const session: Session = {
    user: { id: user.id, email: user.email, name: user.name, scope: `tenant:${slug}`, locale },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
  return createCaller({
    target: parseHost(host, "localhost"),
    session,
    locale,
    ip: "127.0.0.1",
    apiKey: null,
    origin: "http://localhost:3000",
  });
}

export type Member = { membershipId: string; user: { id: string; email: string; name: string }; caller: Caller };

export async function makeLeadsWorkspace(visibility: "owner" | "shared" = "owner") {
  const [plan] = await ownerQuery<{ id: string }>(`SELECT id FROM "Plan" ORDER BY code LIMIT 1`);
  const slug = `t-${randomUUID().slice(0, 8)}`;
  const [tenant] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Tenant" (id, slug, name, "planId", "leadVisibility", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
    [slug, `Empresa ${slug}`, plan!.id, visibility],
  );
  const tenantId = tenant!.id;
  async function member(role: MemberRole, name: string): Promise<Member> {
    const email = `u-${randomUUID().slice(0, 8)}@example.test`;
    const [user] = await ownerQuery<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'x', now()) RETURNING id`,
      [email, name],
    );
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Membership" (id, "tenantId", "userId", role) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
      [tenantId, user!.id, role],
    );
    const u = { id: user!.id, email, name };
    return { membershipId: row!.id, user: u, caller: sessionCaller(u, slug) };
  }
  return {
    tenantId,
    slug,
    manager: await member("manager", "Marina Gerente"),
    rep1: await member("rep", "Renato Vendedor"),
    rep2: await member("rep", "Regina Vendedora"),
  };
}

export type LeadRow = {
  name: string;
  ownerId?: string | null;
  status?: string;
  source?: string;
  score?: number;
  tags?: string[];
  lastContactAt?: Date | null;
  createdAt?: Date;
  phone?: string | null;
  company?: string | null;
  email?: string | null;
};

/** Inserts leads as the tables' owner, exactly as given (no scoring, no timeline). */
export async function insertLeads(tenantId: string, rows: LeadRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const r of rows) {
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Lead" (id, "tenantId", name, company, email, phone, status, source, "ownerId", score, tags, "lastContactAt", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::"LeadStatus", $7::"LeadSource", $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        tenantId,
        r.name,
        r.company ?? null,
        r.email ?? null,
        r.phone ?? null,
        r.status ?? "new",
        r.source ?? "other",
        r.ownerId ?? null,
        r.score ?? 0,
        r.tags ?? [],
        r.lastContactAt ?? null,
        r.createdAt ?? new Date(),
      ],
    );
    ids.push(row!.id);
  }
  return ids;
}

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
