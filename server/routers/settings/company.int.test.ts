import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { auditActions, makeWorkspace, memberCaller, trpcError, type Caller } from "./settings-fixtures";

describe("settings.company and settings.plan", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let rep: Caller;
  let manager: Caller;

  beforeAll(async () => {
    ws = await makeWorkspace({ maxUsers: 5, features: ["api_access", "monitoring", "crm"] });
    rep = (await memberCaller(ws.tenant, "rep")).caller;
    manager = (await memberCaller(ws.tenant, "manager")).caller;
  });

  it("shows the company of the host's tenant to any member", async () => {
    const company = await rep.settings.company.get();
    expect(company).toEqual({ slug: ws.tenant.slug, name: `Empresa ${ws.tenant.slug}`, cnpj: null, contactEmail: null });
    const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    expect((await ana.settings.company.get()).slug).toBe("acme");
  });

  it("an owner updates name, CNPJ and contact e-mail; the audit entry has only what changed", async () => {
    const since = new Date();
    const updated = await ws.owner.caller.settings.company.update({
      name: "  Nova Razão Ltda ",
      cnpj: "11.222.333/0001-81",
      contactEmail: "Financeiro@Example.test",
    });
    expect(updated).toMatchObject({ name: "Nova Razão Ltda", cnpj: "11222333000181", contactEmail: "financeiro@example.test" });
    const [row] = await ownerQuery(`SELECT name, cnpj, "contactEmail", slug FROM "Tenant" WHERE id = $1`, [ws.tenant.id]);
    expect(row).toEqual({ name: "Nova Razão Ltda", cnpj: "11222333000181", contactEmail: "financeiro@example.test", slug: ws.tenant.slug });
    const entries = await auditActions(ws.tenant.id, since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "tenant.update",
      objectId: ws.tenant.id,
      actorEmail: ws.owner.user.email,
      before: { name: `Empresa ${ws.tenant.slug}`, cnpj: null, contactEmail: null },
      after: { name: "Nova Razão Ltda", cnpj: "11222333000181", contactEmail: "financeiro@example.test" },
    });

    // Saving the same values again changes nothing and records nothing.
    const again = new Date();
    await ws.owner.caller.settings.company.update({
      name: "Nova Razão Ltda",
      cnpj: "11222333000181",
      contactEmail: "financeiro@example.test",
    });
    expect(await auditActions(ws.tenant.id, again)).toHaveLength(0);

    // Clearing optional fields stores null.
    expect(await ws.owner.caller.settings.company.update({ name: "Nova Razão Ltda", cnpj: "", contactEmail: "" })).toMatchObject({
      cnpj: null,
      contactEmail: null,
    });
  });

  it("bad input is refused with field errors and changes nothing", async () => {
    const before = await ws.owner.caller.settings.company.get();
    const error = await trpcError(ws.owner.caller.settings.company.update({ name: "", cnpj: "11.222.333/0001-82", contactEmail: "nope" }));
    expect(error.code).toBe("BAD_REQUEST");
    const shape = error as unknown as { cause: { issues: { path: string[]; message: string }[] } };
    const messages = Object.fromEntries(shape.cause.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({ name: "errors.required", cnpj: "errors.invalid_cnpj", contactEmail: "errors.invalid_email" });
    expect(await ws.owner.caller.settings.company.get()).toEqual(before);
  });

  it("a rep or a manager cannot change company details", async () => {
    expect((await trpcError(rep.settings.company.update({ name: "Hijack", cnpj: null, contactEmail: null }))).code).toBe("FORBIDDEN");
    expect((await trpcError(manager.settings.company.update({ name: "Hijack", cnpj: null, contactEmail: null }))).code).toBe("FORBIDDEN");
  });

  it("the update only ever touches the host's tenant", async () => {
    const [globexBefore] = await ownerQuery(`SELECT name, "updatedAt" FROM "Tenant" WHERE id = $1`, [await tenantId("globex")]);
    await ws.owner.caller.settings.company.update({ name: "Only Mine", cnpj: null, contactEmail: null });
    const [globexAfter] = await ownerQuery(`SELECT name, "updatedAt" FROM "Tenant" WHERE id = $1`, [await tenantId("globex")]);
    expect(globexAfter).toEqual(globexBefore);
  });

  it("plan overview: name, price as text, features and usage against the limits; managers may read it, reps may not", async () => {
    const overview = await manager.settings.plan.get();
    expect(overview.plan).toMatchObject({ name: "Test plan", monthlyPrice: "349.90", maxConcurrentCalls: 4 });
    expect(overview.plan.features).toEqual(expect.arrayContaining(["api_access", "monitoring"]));
    expect(overview.usage.users).toEqual({ used: 3, limit: 5 });
    expect(overview.usage.extensions).toEqual({ used: 0, limit: 10 });
    expect(overview.usage.dids).toEqual({ used: 0, limit: 5 });
    expect((await trpcError(rep.settings.plan.get())).code).toBe("FORBIDDEN");
  });
});
