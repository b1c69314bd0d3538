import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/env";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { insertMember, insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";

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

/** A tenant of its own on a plan of its own, with an admin and a rep who can sign in. */
async function throwawayTenant(maxExtensions: number) {
  const plan = await insertPlan({ maxExtensions });
  const tenant = await insertTenant(plan.id);
  const admin = await insertMember(tenant.id, "admin");
  const rep = await insertMember(tenant.id, "rep");
  const host = `${tenant.slug}.localhost:3000`;
  return {
    ...tenant,
    admin: { ...admin, caller: await callerFor(admin.email, host) },
    rep: { ...rep, caller: await callerFor(rep.email, host) },
    support: await callerFor("root@linha.local", host, `support:${tenant.slug}`),
  };
}

async function extensionRows(tenantIdValue: string) {
  return ownerQuery<{ id: string; number: string; name: string; membershipId: string | null; secretEnc: string }>(
    `SELECT id, number, name, "membershipId", "secretEnc" FROM "Extension" WHERE "tenantId" = $1 ORDER BY number`,
    [tenantIdValue],
  );
}

async function auditOf(objectId: string) {
  return ownerQuery<{ action: string; tenantId: string; actorKind: string; actorEmail: string; before: unknown; after: unknown }>(
    `SELECT action, "tenantId", "actorKind", "actorEmail", before, after FROM "AuditLog" WHERE "objectType" = 'extension' AND "objectId" = $1 ORDER BY "createdAt", id`,
    [objectId],
  );
}

describe("extensions router", () => {
  let ana: Caller; // admin of acme
  let rui: Caller; // rep of acme
  let globexExtension: { id: string; number: string };

  beforeAll(async () => {
    ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    rui = await callerFor("rui@acme.test", "acme.localhost:3000");
    // The one row this file puts in a demo tenant, written behind the app's back (no audit entry)
    // and removed afterwards; a six-digit number no demo data uses.
    const number = String(100000 + Math.floor(Math.random() * 899999));
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Globex recepção', $3, now()) RETURNING id`,
      [await tenantId("globex"), number, sealSecret("globex-secret", serverEnv().APP_SECRET)],
    );
    globexExtension = { id: row!.id, number };
  });

  afterAll(async () => {
    await ownerQuery(`DELETE FROM "Extension" WHERE id = $1`, [globexExtension.id]);
  });

  describe("the plan's extension limit", () => {
    it("at the boundary: the 2nd and 3rd fit a limit of 3, the 4th is LIMIT_REACHED naming 3, deleting one frees a slot", async () => {
      const t = await throwawayTenant(3);
      const admin = t.admin.caller;
      const first = await admin.telephony.extensions.create({ number: "201", name: "Primeiro" });
      await admin.telephony.extensions.create({ number: "202", name: "Segundo" });
      await admin.telephony.extensions.create({ number: "203", name: "Terceiro" });

      const error = await trpcError(admin.telephony.extensions.create({ number: "204", name: "Quarto" }));
      expect(error.cause).toMatchObject({ code: "LIMIT_REACHED", details: { resource: "extensions", used: 3, limit: 3 } });
      expect(error.message).toBe("errors.limit_extensions?limit=3");
      expect((await extensionRows(t.id)).map((e) => e.number)).toEqual(["201", "202", "203"]);

      await admin.telephony.extensions.delete({ id: first.id });
      expect((await admin.telephony.extensions.create({ number: "204", name: "Quarto" })).number).toBe("204");
      expect((await extensionRows(t.id)).map((e) => e.number)).toEqual(["202", "203", "204"]);
    });

    it("two callers racing for the last slot: exactly one gets it", async () => {
      const t = await throwawayTenant(2);
      await t.admin.caller.telephony.extensions.create({ number: "300", name: "Existente" });
      const other = await callerFor(t.admin.email, `${t.slug}.localhost:3000`);
      const results = await Promise.allSettled([
        t.admin.caller.telephony.extensions.create({ number: "301", name: "Corrida A" }),
        other.telephony.extensions.create({ number: "302", name: "Corrida B" }),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect((failed[0]!.reason as TRPCError).cause).toMatchObject({ code: "LIMIT_REACHED" });
      expect(await extensionRows(t.id)).toHaveLength(2);
    });
  });

  describe("create", () => {
    it("stores a sealed random secret, never returns it, and audits without it", async () => {
      const t = await throwawayTenant(10);
      const ext = await t.admin.caller.telephony.extensions.create({
        number: " 2001 ",
        name: "  Recepção D'Ávila ",
        membershipId: t.rep.membershipId,
      });
      expect(ext).toMatchObject({
        number: "2001",
        name: "Recepção D'Ávila",
        endpoint: `${t.slug}_2001`,
        member: { id: t.rep.membershipId, email: t.rep.email },
      });
      expect(JSON.stringify(ext)).not.toMatch(/secret/i);

      const [row] = await extensionRows(t.id);
      expect(row!.secretEnc).toMatch(/^v1:/);
      const secret = openSecret(row!.secretEnc, serverEnv().APP_SECRET);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);

      const [entry] = await auditOf(ext.id);
      expect(entry).toMatchObject({
        action: "extension.create",
        tenantId: t.id,
        actorKind: "member",
        actorEmail: t.admin.email,
        before: null,
        after: { number: "2001", name: "Recepção D'Ávila", endpoint: `${t.slug}_2001`, membershipId: t.rep.membershipId },
      });
      expect(JSON.stringify(entry)).not.toContain(secret);
      expect(JSON.stringify(entry)).not.toContain(row!.secretEnc);
    });

    it("a duplicate number is a CONFLICT on the number field and changes nothing", async () => {
      const t = await throwawayTenant(10);
      await t.admin.caller.telephony.extensions.create({ number: "400", name: "Original" });
      const error = await trpcError(t.admin.caller.telephony.extensions.create({ number: "400", name: "Cópia" }));
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toMatchObject({
        details: { fieldErrors: { number: ["plans.telephony.extensions.errors.number_taken?number=400"] } },
      });
      expect((await extensionRows(t.id)).map((e) => e.name)).toEqual(["Original"]);
    });

    it("the same number in another tenant is fine (numbers are per tenant)", async () => {
      const t = await throwawayTenant(10);
      expect((await t.admin.caller.telephony.extensions.create({ number: globexExtension.number, name: "Mesmo número" })).number).toBe(
        globexExtension.number,
      );
    });

    it.each([
      ["a one-digit number", { number: "7", name: "X" }, "number"],
      ["a seven-digit number", { number: "1234567", name: "X" }, "number"],
      ["a number with letters", { number: "20a", name: "X" }, "number"],
      ["a number carrying a config line", { number: "200\n[evil]", name: "X" }, "number"],
      ["a name with a newline", { number: "500", name: "Ana\nexten => _X.,1,Dial(SIP/evil)" }, "name"],
      ["a name with a semicolon", { number: "500", name: "Ana;evil" }, "name"],
      ["a name with brackets", { number: "500", name: "[globex]" }, "name"],
      ["a name with a comma", { number: "500", name: "Ana, Rui" }, "name"],
      ["a name with a parenthesis", { number: "500", name: "Ana)" }, "name"],
      ["a name with angle brackets and quotes", { number: "500", name: '"Ana" <200>' }, "name"],
      ["an empty name", { number: "500", name: "  " }, "name"],
      ["a malformed member id", { number: "500", name: "X", membershipId: "not-a-uuid" }, "membershipId"],
    ])("refuses %s and writes nothing", async (_label, input, field) => {
      const t = await throwawayTenant(10);
      const error = await trpcError(t.admin.caller.telephony.extensions.create(input));
      expect(error.code).toBe("BAD_REQUEST");
      expect(JSON.stringify((error.cause as { issues?: { path: unknown[] }[] }).issues?.map((i) => i.path))).toContain(field);
      expect(await extensionRows(t.id)).toEqual([]);
    });

    it("a rep may not create (FORBIDDEN), nor may support (read-only)", async () => {
      const t = await throwawayTenant(10);
      expect((await trpcError(t.rep.caller.telephony.extensions.create({ number: "600", name: "Rep" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(rui.telephony.extensions.create({ number: "600", name: "Rep" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(t.support.telephony.extensions.create({ number: "600", name: "Suporte" }))).code).toBe("FORBIDDEN");
      expect(await extensionRows(t.id)).toEqual([]);
    });
  });

  describe("list", () => {
    it("lists in numeric order with members, for any member and support, never with a secret", async () => {
      const t = await throwawayTenant(10);
      for (const number of ["100", "20", "1000", "21"]) {
        await t.admin.caller.telephony.extensions.create({
          number,
          name: `Ramal ${number}`,
          membershipId: number === "20" ? t.admin.membershipId : null,
        });
      }
      const secrets = (await extensionRows(t.id)).map((r) => [r.secretEnc, openSecret(r.secretEnc, serverEnv().APP_SECRET)]).flat();
      for (const caller of [t.admin.caller, t.rep.caller, t.support]) {
        const list = await caller.telephony.extensions.list();
        expect(list.map((e) => e.number)).toEqual(["20", "21", "100", "1000"]);
        expect(list[0]).toMatchObject({ endpoint: `${t.slug}_20`, member: { id: t.admin.membershipId } });
        const text = JSON.stringify(list);
        expect(text).not.toMatch(/secret/i);
        for (const s of secrets) expect(text).not.toContain(s);
      }
    });

    it("never contains another tenant's extensions", async () => {
      const list = await ana.telephony.extensions.list();
      expect(list.some((e) => e.id === globexExtension.id)).toBe(false);
      expect(list.every((e) => e.endpoint.startsWith("acme_"))).toBe(true);
    });
  });

  describe("update and delete", () => {
    it("renames and reassigns, auditing before and after; the number stays", async () => {
      const t = await throwawayTenant(10);
      const ext = await t.admin.caller.telephony.extensions.create({ number: "700", name: "Antes", membershipId: t.rep.membershipId });
      const updated = await t.admin.caller.telephony.extensions.update({ id: ext.id, data: { name: "Depois", membershipId: null } });
      expect(updated).toMatchObject({ id: ext.id, number: "700", name: "Depois", member: null });
      const [, entry] = await auditOf(ext.id);
      expect(entry).toMatchObject({
        action: "extension.update",
        before: { name: "Antes", membershipId: t.rep.membershipId },
        after: { name: "Depois", membershipId: null },
      });
    });

    it("bad input changes nothing", async () => {
      const t = await throwawayTenant(10);
      const ext = await t.admin.caller.telephony.extensions.create({ number: "710", name: "Fixo" });
      expect((await trpcError(t.admin.caller.telephony.extensions.update({ id: ext.id, data: { name: "a;b" } }))).code).toBe("BAD_REQUEST");
      const renumber = await trpcError(t.admin.caller.telephony.extensions.update({ id: ext.id, data: { number: "711" } as never }));
      expect(renumber.code).toBe("BAD_REQUEST");
      const [row] = await extensionRows(t.id);
      expect(row).toMatchObject({ number: "710", name: "Fixo" });
      expect((await auditOf(ext.id)).map((e) => e.action)).toEqual(["extension.create"]);
    });

    it("delete records the deleted extension; a rep may not delete", async () => {
      const t = await throwawayTenant(10);
      const ext = await t.admin.caller.telephony.extensions.create({ number: "720", name: "Some" });
      expect((await trpcError(t.rep.caller.telephony.extensions.delete({ id: ext.id }))).code).toBe("FORBIDDEN");
      expect((await trpcError(t.rep.caller.telephony.extensions.update({ id: ext.id, data: { name: "Rep" } }))).code).toBe("FORBIDDEN");
      expect(await t.admin.caller.telephony.extensions.delete({ id: ext.id })).toEqual({ id: ext.id });
      expect(await extensionRows(t.id)).toEqual([]);
      expect((await auditOf(ext.id)).at(-1)).toMatchObject({ action: "extension.delete", before: { number: "720" }, after: null });
      expect((await trpcError(t.admin.caller.telephony.extensions.delete({ id: ext.id }))).code).toBe("NOT_FOUND");
    });
  });

  describe("cross-tenant", () => {
    it("a globex extension id from acme is NOT_FOUND for update, delete and revealSecret, and is left alone", async () => {
      const before = await ownerQuery(`SELECT * FROM "Extension" WHERE id = $1`, [globexExtension.id]);
      expect((await trpcError(ana.telephony.extensions.update({ id: globexExtension.id, data: { name: "Sequestro" } }))).code).toBe(
        "NOT_FOUND",
      );
      expect((await trpcError(ana.telephony.extensions.delete({ id: globexExtension.id }))).code).toBe("NOT_FOUND");
      const reveal = await trpcError(ana.telephony.extensions.revealSecret({ id: globexExtension.id }));
      expect(reveal.code).toBe("NOT_FOUND");
      expect(await ownerQuery(`SELECT * FROM "Extension" WHERE id = $1`, [globexExtension.id])).toEqual(before);
    });

    it("a globex membershipId is a field error on create and update", async () => {
      const [globexMember] = await ownerQuery<{ id: string }>(`SELECT id FROM "Membership" WHERE "tenantId" = $1 LIMIT 1`, [
        await tenantId("globex"),
      ]);
      const t = await throwawayTenant(10);
      const fieldError = {
        code: "INVALID_INPUT",
        details: { fieldErrors: { membershipId: ["plans.telephony.extensions.errors.member_not_found"] } },
      };
      const onCreate = await trpcError(
        t.admin.caller.telephony.extensions.create({ number: "800", name: "X", membershipId: globexMember!.id }),
      );
      expect(onCreate.code).toBe("BAD_REQUEST");
      expect(onCreate.cause).toMatchObject(fieldError);
      expect(await extensionRows(t.id)).toEqual([]);

      const ext = await t.admin.caller.telephony.extensions.create({ number: "801", name: "Y" });
      const onUpdate = await trpcError(
        t.admin.caller.telephony.extensions.update({ id: ext.id, data: { membershipId: globexMember!.id } }),
      );
      expect(onUpdate.cause).toMatchObject(fieldError);
      expect((await extensionRows(t.id))[0]!.membershipId).toBeNull();
    });
  });

  describe("revealSecret", () => {
    it("returns the real secret to an admin member and audits the reveal without the secret", async () => {
      const t = await throwawayTenant(10);
      const ext = await t.admin.caller.telephony.extensions.create({ number: "900", name: "Telefone" });
      const revealed = await t.admin.caller.telephony.extensions.revealSecret({ id: ext.id });
      const [row] = await extensionRows(t.id);
      expect(revealed).toEqual({ id: ext.id, endpoint: `${t.slug}_900`, secret: openSecret(row!.secretEnc, serverEnv().APP_SECRET) });

      const entry = (await auditOf(ext.id)).at(-1);
      expect(entry).toMatchObject({ action: "extension.reveal_secret", tenantId: t.id, actorEmail: t.admin.email });
      expect(JSON.stringify(entry)).not.toContain(revealed.secret);
    });

    it("is FORBIDDEN for support sessions and reps, and records nothing for them", async () => {
      const t = await throwawayTenant(10);
      const ext = await t.admin.caller.telephony.extensions.create({ number: "901", name: "Telefone" });
      expect((await trpcError(t.support.telephony.extensions.revealSecret({ id: ext.id }))).code).toBe("FORBIDDEN");
      expect((await trpcError(t.rep.caller.telephony.extensions.revealSecret({ id: ext.id }))).code).toBe("FORBIDDEN");
      expect((await trpcError(rui.telephony.extensions.revealSecret({ id: randomUUID() }))).code).toBe("FORBIDDEN");
      expect((await auditOf(ext.id)).map((e) => e.action)).toEqual(["extension.create"]);
    });
  });
});
