import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanCreateInput } from "@/lib/schemas/plan";
import { anonymousCaller, callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { appRouter } from "@/server/trpc/root";
import {
  insertExtensions,
  insertMember,
  insertPendingInvitation,
  insertPlan,
  insertTenant,
  uniqueCode,
} from "@/server/services/plans/throwaway-tenant.fixture";

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

function newPlan(overrides: Partial<PlanCreateInput> = {}): PlanCreateInput {
  return {
    code: uniqueCode("plan"),
    name: "Plano Teste",
    monthlyPrice: "1.234,56",
    maxUsers: 5,
    maxExtensions: 5,
    maxDids: 2,
    maxConcurrentCalls: 2,
    features: ["monitoring", "call_recording"],
    ...overrides,
  };
}

async function planRow(id: string) {
  const [row] = await ownerQuery(`SELECT * FROM "Plan" WHERE id = $1`, [id]);
  return row;
}

async function auditEntries(objectId: string) {
  return ownerQuery<{ action: string; actorKind: string; actorEmail: string; tenantId: string | null; before: unknown; after: unknown }>(
    `SELECT action, "actorKind", "actorEmail", "tenantId", before, after FROM "AuditLog" WHERE "objectType" = 'plan' AND "objectId" = $1 ORDER BY "createdAt", id`,
    [objectId],
  );
}

describe("admin.plans", () => {
  let root: Caller;

  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
  });

  describe("who may call", () => {
    const CALLS: [string, (c: Caller) => Promise<unknown>][] = [
      ["list", (c) => c.admin.plans.list({ includeArchived: true })],
      ["get", (c) => c.admin.plans.get({ id: randomUUID() })],
      ["create", (c) => c.admin.plans.create(newPlan())],
      ["update", (c) => c.admin.plans.update({ id: randomUUID(), data: { name: "x" } })],
      ["archive", (c) => c.admin.plans.archive({ id: randomUUID() })],
      ["unarchive", (c) => c.admin.plans.unarchive({ id: randomUUID() })],
      ["delete", (c) => c.admin.plans.delete({ id: randomUUID() })],
    ];

    it.each(CALLS)(
      "%s: refused to a tenant admin on her host, her session on the console host, and anonymous callers",
      async (_name, call) => {
        const anaOnAcme = await callerFor("ana@acme.test", "acme.localhost:3000");
        const anaOnConsole = await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme");
        const anaAsConsole = await callerFor("ana@acme.test", "admin.localhost:3000");
        expect((await trpcError(call(anaOnAcme))).code).toBe("FORBIDDEN");
        expect((await trpcError(call(anaOnConsole))).code).toBe("FORBIDDEN");
        expect((await trpcError(call(anaAsConsole))).code).toBe("FORBIDDEN");
        expect((await trpcError(call(anonymousCaller("admin.localhost:3000")))).code).toBe("UNAUTHORIZED");
      },
    );

    it("nothing a refused caller sends is written", async () => {
      const code = uniqueCode("plan");
      const ana = await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme");
      await trpcError(ana.admin.plans.create(newPlan({ code })));
      expect(await ownerQuery(`SELECT 1 FROM "Plan" WHERE code = $1`, [code])).toHaveLength(0);
    });
  });

  describe("create", () => {
    it("stores price, limits and known features, and audits the new terms", async () => {
      const input = newPlan({ code: `  Pro-${randomUUID().slice(0, 6)}  `, features: ["api_access", "monitoring", "monitoring"] });
      const plan = await root.admin.plans.create(input);
      const code = input.code.trim().toLowerCase();
      expect(plan).toMatchObject({
        code,
        name: "Plano Teste",
        monthlyPrice: "1234.56",
        maxUsers: 5,
        maxExtensions: 5,
        maxDids: 2,
        maxConcurrentCalls: 2,
        features: ["monitoring", "api_access"],
        archivedAt: null,
        tenantCount: 0,
      });
      expect(await planRow(plan.id)).toMatchObject({ code, monthlyPrice: "1234.56", features: ["monitoring", "api_access"] });

      const [entry, ...more] = await auditEntries(plan.id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        action: "plan.create",
        actorKind: "super_admin",
        actorEmail: "root@linha.local",
        tenantId: null,
        before: null,
      });
      expect(entry!.after).toMatchObject({ code, monthlyPrice: "1234.56", maxExtensions: 5, features: ["monitoring", "api_access"] });
    });

    it.each([
      ["1234.56", "1234.56"],
      ["1.234,56", "1234.56"],
      ["R$ 99,9", "99.90"],
      ["0", "0.00"],
    ])("accepts the price %j as %s", async (monthlyPrice, stored) => {
      const plan = await root.admin.plans.create(newPlan({ monthlyPrice }));
      expect(plan.monthlyPrice).toBe(stored);
    });

    it("a duplicate code is a CONFLICT on the code field, and the first plan is untouched", async () => {
      const first = await root.admin.plans.create(newPlan());
      const error = await trpcError(root.admin.plans.create(newPlan({ code: first.code.toUpperCase(), name: "Outro" })));
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toMatchObject({ code: "CONFLICT", details: { fieldErrors: { code: ["plans.errors.code_taken"] } } });
      expect(await ownerQuery(`SELECT name FROM "Plan" WHERE code = $1`, [first.code])).toEqual([{ name: "Plano Teste" }]);
    });

    it.each([
      ["a code with spaces", { code: "plano pro" }, "code"],
      ["a one-letter code", { code: "p" }, "code"],
      ["an empty name", { name: "   " }, "name"],
      ["a negative price", { monthlyPrice: "-10" }, "monthlyPrice"],
      ["a price with three decimals", { monthlyPrice: "1.234,567" }, "monthlyPrice"],
      ["a price in words", { monthlyPrice: "dez reais" }, "monthlyPrice"],
      ["zero users", { maxUsers: 0 }, "maxUsers"],
      ["negative extensions", { maxExtensions: -1 }, "maxExtensions"],
      ["fractional DIDs", { maxDids: 1.5 }, "maxDids"],
      ["an unknown feature", { features: ["crm"] as never }, "features.0"],
    ])("refuses %s with a field error and writes nothing", async (_label, overrides, field) => {
      const input = newPlan(overrides as Partial<PlanCreateInput>);
      const error = await trpcError(root.admin.plans.create(input));
      expect(error.code).toBe("BAD_REQUEST");
      const codes = [input.code, String(input.code).trim().toLowerCase()];
      expect(await ownerQuery(`SELECT 1 FROM "Plan" WHERE code = ANY($1)`, [codes])).toHaveLength(0);
      // The formatted error (what the browser gets) names the field in the caller's language.
      const shape = await formattedFieldErrors(() => root.admin.plans.create(input));
      expect(Object.keys(shape)).toContain(field);
    });
  });

  describe("list and get", () => {
    it("lists plans with their tenant count, hiding archived ones unless asked", async () => {
      const plan = await root.admin.plans.create(newPlan());
      const tenant = await insertTenant(plan.id);
      await insertTenant(plan.id);
      const archived = await root.admin.plans.create(newPlan());
      await root.admin.plans.archive({ id: archived.id });

      const open = await root.admin.plans.list({});
      expect(open.find((p) => p.id === plan.id)).toMatchObject({ tenantCount: 2 });
      expect(open.some((p) => p.id === archived.id)).toBe(false);
      expect(open.every((p) => p.archivedAt === null)).toBe(true);

      const all = await root.admin.plans.list({ includeArchived: true });
      expect(all.find((p) => p.id === archived.id)?.archivedAt).toBeInstanceOf(Date);
      // Archived plans come after every open one.
      const firstArchived = all.findIndex((p) => p.archivedAt !== null);
      expect(all.slice(firstArchived).every((p) => p.archivedAt !== null)).toBe(true);

      expect(await root.admin.plans.get({ id: plan.id })).toMatchObject({ id: plan.id, tenantCount: 2 });
      expect(tenant.slug).toMatch(/^t-/);
    });

    it("shows only known feature flags of a stored plan (seeded plans hold older strings)", async () => {
      const stored = await insertPlan({ features: ["crm", "monitoring", "recording", "api_access"] });
      expect((await root.admin.plans.get({ id: stored.id })).features).toEqual(["monitoring", "api_access"]);
      const pro = (await root.admin.plans.list({})).find((p) => p.code === "pro");
      expect(pro?.features.every((f) => ["call_recording", "monitoring", "automations", "chatbot", "api_access"].includes(f))).toBe(true);
    });

    it("an unknown id is NOT_FOUND", async () => {
      expect((await trpcError(root.admin.plans.get({ id: randomUUID() }))).code).toBe("NOT_FOUND");
    });
  });

  describe("update", () => {
    it("changes terms, audits before and after, and keeps features that were not sent", async () => {
      const plan = await root.admin.plans.create(newPlan());
      const updated = await root.admin.plans.update({
        id: plan.id,
        data: { name: "Plano Novo", monthlyPrice: "2.000", maxExtensions: 50 },
      });
      expect(updated).toMatchObject({ code: plan.code, name: "Plano Novo", monthlyPrice: "2000.00", maxExtensions: 50 });
      expect(updated.features).toEqual(plan.features);

      const [, entry] = await auditEntries(plan.id);
      expect(entry).toMatchObject({ action: "plan.update", actorEmail: "root@linha.local" });
      expect(entry!.before).toMatchObject({ name: "Plano Teste", monthlyPrice: "1234.56", maxExtensions: 5 });
      expect(entry!.after).toMatchObject({ name: "Plano Novo", monthlyPrice: "2000.00", maxExtensions: 50 });
    });

    it("saving features keeps only known flags (unknown stored strings are dropped)", async () => {
      const stored = await insertPlan({ features: ["crm", "monitoring"] });
      const updated = await root.admin.plans.update({ id: stored.id, data: { features: ["monitoring", "chatbot"] } });
      expect(updated.features).toEqual(["monitoring", "chatbot"]);
      expect((await planRow(stored.id))!.features).toEqual(["monitoring", "chatbot"]);
    });

    it("the code cannot be changed", async () => {
      const plan = await root.admin.plans.create(newPlan());
      const error = await trpcError(root.admin.plans.update({ id: plan.id, data: { code: "outro", name: "X" } as never }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(await planRow(plan.id)).toMatchObject({ code: plan.code, name: "Plano Teste" });
    });

    it("bad input changes nothing and records nothing", async () => {
      const plan = await root.admin.plans.create(newPlan());
      const before = await planRow(plan.id);
      for (const data of [{ maxUsers: 0 }, { monthlyPrice: "abc" }, { name: "" }, { maxDids: -3 }, { features: ["recording"] }]) {
        expect((await trpcError(root.admin.plans.update({ id: plan.id, data: data as never }))).code).toBe("BAD_REQUEST");
      }
      expect(await planRow(plan.id)).toEqual(before);
      expect((await auditEntries(plan.id)).map((e) => e.action)).toEqual(["plan.create"]);
    });

    it("an unknown plan is NOT_FOUND", async () => {
      expect((await trpcError(root.admin.plans.update({ id: randomUUID(), data: { name: "x" } }))).code).toBe("NOT_FOUND");
    });
  });

  describe("lowering a limit below what a tenant uses", () => {
    it("is refused naming the tenant and its usage; at the usage it is allowed", async () => {
      const plan = await root.admin.plans.create(newPlan({ maxExtensions: 10, maxUsers: 10 }));
      const busy = await insertTenant(plan.id);
      const quiet = await insertTenant(plan.id);
      await insertExtensions(busy.id, 4);
      await insertExtensions(quiet.id, 1);

      const error = await trpcError(root.admin.plans.update({ id: plan.id, data: { maxExtensions: 3, name: "Renamed" } }));
      expect(error.code).toBe("CONFLICT");
      const message = `plans.errors.limit_below_usage?${new URLSearchParams({ usage: `${busy.name} (${busy.slug}): 4` })}`;
      expect(error.cause).toMatchObject({ details: { fieldErrors: { maxExtensions: [message] } } });
      expect(await planRow(plan.id)).toMatchObject({ maxExtensions: 10, name: "Plano Teste" });
      expect((await auditEntries(plan.id)).map((e) => e.action)).toEqual(["plan.create"]);

      // What the browser gets: translated, naming the tenant and the number.
      const en = await formattedMessage(() => root.admin.plans.update({ id: plan.id, data: { maxExtensions: 3 } }));
      expect(en).toBe(`Companies on this plan already use more than that: ${busy.name} (${busy.slug}): 4.`);

      expect((await root.admin.plans.update({ id: plan.id, data: { maxExtensions: 4 } })).maxExtensions).toBe(4);
    });

    it("counts members and pending invitations for the user limit, and names every tenant over it", async () => {
      const plan = await root.admin.plans.create(newPlan({ maxUsers: 10 }));
      const a = await insertTenant(plan.id);
      const b = await insertTenant(plan.id);
      await insertMember(a.id, "owner");
      await insertMember(a.id, "rep");
      await insertPendingInvitation(a.id);
      await insertMember(b.id, "owner");
      await insertMember(b.id, "admin");

      const error = await trpcError(root.admin.plans.update({ id: plan.id, data: { maxUsers: 1 } }));
      const [message] = (error.cause as unknown as { details: { fieldErrors: { maxUsers: string[] } } }).details.fieldErrors.maxUsers;
      const usage = new URLSearchParams(message!.split("?")[1]).get("usage");
      expect(usage).toContain(`${a.name} (${a.slug}): 3`);
      expect(usage).toContain(`${b.name} (${b.slug}): 2`);
      expect((await trpcError(root.admin.plans.update({ id: plan.id, data: { maxUsers: 2 } }))).code).toBe("CONFLICT");
      expect((await root.admin.plans.update({ id: plan.id, data: { maxUsers: 3 } })).maxUsers).toBe(3);
    });

    it("racing a tenant's new extension, the plan never ends below what the tenant uses", async () => {
      for (let round = 0; round < 5; round++) {
        const plan = await root.admin.plans.create(newPlan({ maxExtensions: 5 }));
        const tenant = await insertTenant(plan.id);
        await insertExtensions(tenant.id, 2);
        const admin = await insertMember(tenant.id, "admin");
        const tenantAdmin = await callerFor(admin.email, `${tenant.slug}.localhost:3000`);
        const [lowered, created] = await Promise.allSettled([
          root.admin.plans.update({ id: plan.id, data: { maxExtensions: 2 } }),
          tenantAdmin.telephony.extensions.create({ number: "9000", name: "Corrida" }),
        ]);
        const [row] = await ownerQuery<{ limit: number; used: number }>(
          `SELECT p."maxExtensions" AS limit, (SELECT count(*)::int FROM "Extension" e WHERE e."tenantId" = $2) AS used FROM "Plan" p WHERE p.id = $1`,
          [plan.id, tenant.id],
        );
        expect(row!.used).toBeLessThanOrEqual(row!.limit);
        // Exactly one side wins: whichever ran second saw the other's commit.
        expect([lowered.status, created.status].sort()).toEqual(["fulfilled", "rejected"]);
      }
    });

    it("raising a limit never checks usage, and lowering one on a plan without tenants is fine", async () => {
      const plan = await root.admin.plans.create(newPlan({ maxDids: 5 }));
      expect((await root.admin.plans.update({ id: plan.id, data: { maxDids: 0, maxExtensions: 0 } })).maxDids).toBe(0);
    });
  });

  describe("archive, unarchive and delete", () => {
    it("a plan with tenants cannot be deleted, only archived; its tenants keep it", async () => {
      const plan = await root.admin.plans.create(newPlan());
      const tenant = await insertTenant(plan.id);

      const error = await trpcError(root.admin.plans.delete({ id: plan.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe("plans.errors.plan_in_use?count=1");
      expect(await planRow(plan.id)).toBeDefined();

      const archived = await root.admin.plans.archive({ id: plan.id });
      expect(archived.archivedAt).toBeInstanceOf(Date);
      expect(await ownerQuery(`SELECT "planId" FROM "Tenant" WHERE id = $1`, [tenant.id])).toEqual([{ planId: plan.id }]);
      // Archiving twice changes nothing and records nothing more.
      expect((await root.admin.plans.archive({ id: plan.id })).archivedAt).toEqual(archived.archivedAt);

      const restored = await root.admin.plans.unarchive({ id: plan.id });
      expect(restored.archivedAt).toBeNull();

      const entries = await auditEntries(plan.id);
      expect(entries.map((e) => e.action)).toEqual(["plan.create", "plan.archive", "plan.unarchive"]);
      expect(entries[1]).toMatchObject({ before: { archivedAt: null }, after: { archivedAt: archived.archivedAt!.toISOString() } });
      expect(entries[2]).toMatchObject({ before: { archivedAt: archived.archivedAt!.toISOString() }, after: { archivedAt: null } });
    });

    it("a plan without tenants is deleted, with its terms kept in the audit log", async () => {
      const plan = await root.admin.plans.create(newPlan());
      expect(await root.admin.plans.delete({ id: plan.id })).toMatchObject({ id: plan.id, code: plan.code });
      expect(await planRow(plan.id)).toBeUndefined();
      const [, entry] = await auditEntries(plan.id);
      expect(entry).toMatchObject({ action: "plan.delete", after: null, before: { code: plan.code, monthlyPrice: "1234.56" } });
      expect((await trpcError(root.admin.plans.delete({ id: plan.id }))).code).toBe("NOT_FOUND");
    });

    it("unknown ids are NOT_FOUND for archive, unarchive and delete", async () => {
      for (const call of [root.admin.plans.archive, root.admin.plans.unarchive, root.admin.plans.delete]) {
        expect((await trpcError(call({ id: randomUUID() }))).code).toBe("NOT_FOUND");
      }
    });
  });

  it("the demo tenants' plans are left alone by this file", async () => {
    const [acme] = await ownerQuery(`SELECT p.code FROM "Tenant" t JOIN "Plan" p ON p.id = t."planId" WHERE t.id = $1`, [
      await tenantId("acme"),
    ]);
    expect(acme).toEqual({ code: "pro" });
  });
});

/** The error as the HTTP handler formats it (English, as callerFor's context asks). */
async function formatted(call: () => Promise<unknown>) {
  const error = await trpcError(call());
  return getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: undefined,
    input: undefined,
    ctx: { locale: "en" } as never,
  });
}

async function formattedMessage(call: () => Promise<unknown>): Promise<string> {
  return (await formatted(call)).message;
}

async function formattedFieldErrors(call: () => Promise<unknown>): Promise<Record<string, string[]>> {
  return ((await formatted(call)).data as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
}
