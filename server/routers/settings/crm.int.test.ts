import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { auditActions, makeWorkspace, memberCaller, trpcError, type Caller } from "./settings-fixtures";

describe("settings.crm", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let rep: Caller;
  let manager: Caller;

  beforeAll(async () => {
    ws = await makeWorkspace();
    rep = (await memberCaller(ws.tenant, "rep")).caller;
    manager = (await memberCaller(ws.tenant, "manager")).caller;
  });

  it("any member reads the lead visibility", async () => {
    expect(await rep.settings.crm.get()).toEqual({ leadVisibility: "owner" });
  });

  it("an owner changes it; the change is audited once and applies to the host's tenant only", async () => {
    const [globexBefore] = await ownerQuery(`SELECT "leadVisibility", "updatedAt" FROM "Tenant" WHERE id = $1`, [await tenantId("globex")]);
    const since = new Date();
    expect(await ws.owner.caller.settings.crm.update({ leadVisibility: "shared" })).toEqual({ leadVisibility: "shared" });
    expect(await ws.owner.caller.settings.crm.update({ leadVisibility: "shared" })).toEqual({ leadVisibility: "shared" });
    const entries = await auditActions(ws.tenant.id, since);
    expect(entries).toEqual([
      expect.objectContaining({
        action: "tenant.crm_settings",
        objectId: ws.tenant.id,
        actorEmail: ws.owner.user.email,
        before: { leadVisibility: "owner" },
        after: { leadVisibility: "shared" },
      }),
    ]);
    const [globexAfter] = await ownerQuery(`SELECT "leadVisibility", "updatedAt" FROM "Tenant" WHERE id = $1`, [await tenantId("globex")]);
    expect(globexAfter).toEqual(globexBefore);
    await ws.owner.caller.settings.crm.update({ leadVisibility: "owner" });
  });

  it("reps, managers and support sessions cannot change it; bad values are refused", async () => {
    expect((await trpcError(rep.settings.crm.update({ leadVisibility: "shared" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(manager.settings.crm.update({ leadVisibility: "shared" }))).code).toBe("FORBIDDEN");
    const support = await callerFor("root@linha.local", ws.tenant.host, `support:${ws.tenant.slug}`);
    expect(await support.settings.crm.get()).toEqual({ leadVisibility: "owner" });
    expect((await trpcError(support.settings.crm.update({ leadVisibility: "shared" }))).code).toBe("FORBIDDEN");
    const bad = await trpcError(ws.owner.caller.settings.crm.update({ leadVisibility: "everyone" as never }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(await rep.settings.crm.get()).toEqual({ leadVisibility: "owner" });
  });
});
