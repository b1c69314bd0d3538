import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymousCaller, callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { createPlan, uniqueSlug } from "../tenants/throwaway-tenant";

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

describe("admin.audit.list", () => {
  let root: Caller;
  let tenant: { id: string; slug: string };
  let times: Record<string, Date>;

  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
    const plan = await createPlan();
    const slug = uniqueSlug();
    const created = await root.admin.tenants.create({
      name: `Audit ${slug}`,
      slug,
      planId: plan.id,
      ownerName: "O",
      ownerEmail: `o@${slug}.test`,
    });
    tenant = { id: created.tenant.id, slug };
    await root.admin.tenants.update({ id: tenant.id, data: { name: `Audit ${slug} renamed` } });
    await root.admin.tenants.suspend({ id: tenant.id });
    await root.admin.tenants.reactivate({ id: tenant.id });
    const rows = await ownerQuery<{ action: string; createdAt: Date }>(`SELECT action, "createdAt" FROM "AuditLog" WHERE "tenantId" = $1`, [
      tenant.id,
    ]);
    times = Object.fromEntries(rows.map((r) => [r.action, r.createdAt]));
  });

  it("lists one tenant's entries newest first, each named by its tenant", async () => {
    const { items, nextCursor } = await root.admin.audit.list({ tenantId: tenant.id });
    expect(items.map((e) => e.action)).toEqual(["tenant.reactivate", "tenant.suspend", "tenant.update", "tenant.create"]);
    expect(nextCursor).toBeNull();
    expect(items[0]).toMatchObject({
      tenant: { id: tenant.id, slug: tenant.slug },
      actorKind: "super_admin",
      actorEmail: "root@linha.local",
      objectType: "tenant",
      objectId: tenant.id,
      ip: "127.0.0.1",
      before: expect.objectContaining({ status: "suspended" }),
      after: expect.objectContaining({ status: "active" }),
    });
  });

  it("filters by action prefix, object type, actor e-mail and date range", async () => {
    const actions = async (filter: Parameters<Caller["admin"]["audit"]["list"]>[0]) =>
      (await root.admin.audit.list({ tenantId: tenant.id, ...filter })).items.map((e) => e.action);
    expect(await actions({ action: "tenant.s" })).toEqual(["tenant.suspend"]);
    expect(await actions({ objectType: "invitation" })).toEqual([]);
    expect(await actions({ objectType: "tenant", actor: "ROOT@LINHA" })).toHaveLength(4);
    expect(await actions({ actor: "nobody@example.test" })).toEqual([]);
    expect(await actions({ from: times["tenant.update"], to: times["tenant.suspend"] })).toEqual(["tenant.suspend", "tenant.update"]);
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Caller["admin"]["audit"]["list"]>> = await root.admin.audit.list({
        tenantId: tenant.id,
        limit: 1,
        cursor,
      });
      seen.push(...page.items.map((e) => e.action));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["tenant.reactivate", "tenant.suspend", "tenant.update", "tenant.create"]);
  });

  it("shows platform entries (no tenant), such as a deleted tenant's", async () => {
    const plan = await createPlan();
    const slug = uniqueSlug();
    const { tenant: doomed } = await root.admin.tenants.create({
      name: "Doomed",
      slug,
      planId: plan.id,
      ownerName: "O",
      ownerEmail: `o@${slug}.test`,
    });
    await root.admin.tenants.delete({ id: doomed.id });
    const { items } = await root.admin.audit.list({ action: "tenant.delete", objectType: "tenant", limit: 100 });
    expect(items.find((e) => e.objectId === doomed.id)).toMatchObject({ tenant: null, before: expect.objectContaining({ slug }) });
  });

  it.each([
    ["an end before the start", { from: new Date("2026-02-01"), to: new Date("2026-01-01") }, "to", "console.errors.date_range"],
    ["an action with odd characters", { action: "tenant'; --" }, "action", "console.errors.action_prefix_invalid"],
    ["a tenant that is not an id", { tenantId: "acme" }, "tenantId", "errors.invalid_id"],
  ])("rejects %s as a field error", async (_label, input, field, message) => {
    const error = await trpcError(root.admin.audit.list(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (error.cause as unknown as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, message]]);
  });

  it("is for super admins on the console host only", async () => {
    const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    const anaOnConsole = await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme");
    const rootOnTenant = await callerFor("root@linha.local", "acme.localhost:3000", "admin");
    for (const caller of [ana, anaOnConsole, rootOnTenant]) expect((await trpcError(caller.admin.audit.list({}))).code).toBe("FORBIDDEN");
    expect((await trpcError(anonymousCaller("admin.localhost:3000").admin.audit.list({}))).code).toBe("UNAUTHORIZED");
  });
});
