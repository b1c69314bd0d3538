import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/env";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { hostileStrings } from "@/lib/telephony/hostile-strings";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import {
  allocateDid,
  auditOf,
  failedFields,
  issueMessages,
  routeDid,
  telephonyTenant,
  trpcError,
  type Caller,
} from "@/server/services/extensions/telephony.fixture";
import { insertMember } from "@/server/services/plans/throwaway-tenant.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";

type Row = {
  id: string;
  number: string;
  name: string;
  membershipId: string | null;
  secretEnc: string;
  callerIdNumber: string | null;
  maxContacts: number;
  voicemail: boolean;
  enabled: boolean;
};

async function extensionRows(tenantIdValue: string) {
  return ownerQuery<Row>(
    `SELECT id, number, name, "membershipId", "secretEnc", "callerIdNumber", "maxContacts", voicemail, enabled FROM "Extension" WHERE "tenantId" = $1 ORDER BY length(number), number`,
    [tenantIdValue],
  );
}

const secretOf = (row: Row) => openSecret(row.secretEnc, serverEnv().APP_SECRET);
const auditExt = (id: string) => auditOf("extension", id);

describe("telephony.extensions", () => {
  let ana: Caller; // admin of acme
  let rui: Caller; // rep of acme
  let marta: Caller; // manager of acme
  let globexExtension: { id: string; number: string };

  beforeAll(async () => {
    ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    rui = await callerFor("rui@acme.test", "acme.localhost:3000");
    marta = await callerFor("marta@acme.test", "acme.localhost:3000");
    // The one row this file puts in a demo tenant, written behind the app's back (no audit entry)
    // and removed afterwards; a six-digit number no demo data uses.
    const number = String(100000 + Math.floor(Math.random() * 899999));
    const [row] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Globex recepcao', $3, now()) RETURNING id`,
      [await tenantId("globex"), number, sealSecret("globex-secret", serverEnv().APP_SECRET)],
    );
    globexExtension = { id: row!.id, number };
  });

  afterAll(async () => {
    await ownerQuery(`DELETE FROM "Extension" WHERE id = $1`, [globexExtension.id]);
  });

  describe("the plan's extension limit", () => {
    it("at the boundary: the 3rd fits a limit of 3, the 4th is LIMIT_REACHED naming 3, deleting one frees a slot", async () => {
      const t = await telephonyTenant(3);
      const admin = t.admin.caller;
      const first = await admin.telephony.extensions.create({ number: "201", name: "Primeiro" });
      await admin.telephony.extensions.create({ number: "202", name: "Segundo" });
      await admin.telephony.extensions.create({ number: "203", name: "Terceiro" });
      expect(await admin.telephony.extensions.usage()).toEqual({ used: 3, limit: 3 });

      const error = await trpcError(admin.telephony.extensions.create({ number: "204", name: "Quarto" }));
      expect(error.cause).toMatchObject({ code: "LIMIT_REACHED", details: { resource: "extensions", used: 3, limit: 3 } });
      expect(error.message).toBe("errors.limit_extensions?limit=3");
      expect((await extensionRows(t.id)).map((e) => e.number)).toEqual(["201", "202", "203"]);

      await admin.telephony.extensions.delete({ id: first.extension.id });
      expect((await admin.telephony.extensions.create({ number: "204", name: "Quarto" })).extension.number).toBe("204");
      expect((await extensionRows(t.id)).map((e) => e.number)).toEqual(["202", "203", "204"]);
    });

    it("two callers racing for the last slot: exactly one gets it", async () => {
      const t = await telephonyTenant(2);
      await t.admin.caller.telephony.extensions.create({ number: "300", name: "Existente" });
      const other = await callerFor(t.admin.email, t.host);
      const results = await Promise.allSettled([
        t.admin.caller.telephony.extensions.create({ number: "301", name: "Corrida A" }),
        other.telephony.extensions.create({ number: "302", name: "Corrida B" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(failed).toHaveLength(1);
      expect(failed[0]!.reason.cause).toMatchObject({ code: "LIMIT_REACHED" });
      expect(await extensionRows(t.id)).toHaveLength(2);
    });
  });

  describe("create", () => {
    it("returns the SIP secret once (sealed in the row), never in list, and audits without it", async () => {
      const t = await telephonyTenant();
      const did = await allocateDid(t.id);
      const created = await t.admin.caller.telephony.extensions.create({
        number: " 2001 ",
        name: "  Recepcao D'Avila ",
        membershipId: t.rep.membershipId,
        callerIdNumber: did.number,
        voicemail: true,
        maxContacts: 3,
      });
      const ext = created.extension;
      expect(ext).toMatchObject({
        number: "2001",
        name: "Recepcao D'Avila",
        endpoint: `${t.slug}_2001`,
        member: { id: t.rep.membershipId, email: t.rep.email },
        callerIdNumber: did.number,
        voicemail: true,
        maxContacts: 3,
        enabled: true,
      });
      const [row] = await extensionRows(t.id);
      expect(row!.secretEnc).toMatch(/^v1:/);
      expect(created.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(secretOf(row!)).toBe(created.secret);

      for (const caller of [t.admin.caller, t.manager.caller, t.support]) {
        const text = JSON.stringify(await caller.telephony.extensions.list());
        expect(text).not.toContain(created.secret);
        expect(text).not.toContain(row!.secretEnc);
        expect(text).not.toMatch(/secret/i);
      }

      const [entry] = await auditExt(ext.id);
      expect(entry).toMatchObject({
        action: "extension.create",
        tenantId: t.id,
        actorKind: "member",
        actorEmail: t.admin.email,
        before: null,
        after: { number: "2001", endpoint: `${t.slug}_2001`, membershipId: t.rep.membershipId, callerIdNumber: did.number },
      });
      expect(JSON.stringify(entry)).not.toContain(created.secret);
    });

    it("a duplicate number is a CONFLICT on the number field and changes nothing", async () => {
      const t = await telephonyTenant();
      await t.admin.caller.telephony.extensions.create({ number: "400", name: "Original" });
      const error = await trpcError(t.admin.caller.telephony.extensions.create({ number: "400", name: "Copia" }));
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toMatchObject({
        details: { fieldErrors: { number: ["telephony.extensions.errors.number_taken?number=400"] } },
      });
      expect((await extensionRows(t.id)).map((e) => e.name)).toEqual(["Original"]);
    });

    it("the same number in another tenant is fine (numbers are per tenant)", async () => {
      const t = await telephonyTenant();
      const created = await t.admin.caller.telephony.extensions.create({ number: globexExtension.number, name: "Mesmo numero" });
      expect(created.extension.number).toBe(globexExtension.number);
    });

    it("an accented name is refused with the ASCII spelling offered", async () => {
      const t = await telephonyTenant();
      const cases: [string, string][] = [
        ["José", "Jose"],
        ["João Simões", "Joao Simoes"],
        ["Recepção", "Recepcao"],
      ];
      for (const [name, suggestion] of cases) {
        const error = await trpcError(t.admin.caller.telephony.extensions.create({ number: "500", name }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(issueMessages(error)).toEqual([`telephony.extensions.errors.name_ascii?suggestion=${suggestion.replace(" ", "+")}`]);
        // What the form shows under the field:
        expect(translateMessage(getDictionary("pt-BR"), issueMessages(error)[0])).toBe(`Use letras sem acento, ex.: “${suggestion}”.`);
      }
      expect(await extensionRows(t.id)).toEqual([]);
    });

    it.each([
      ["a one-digit number", { number: "7", name: "X" }, "number"],
      ["a seven-digit number", { number: "1234567", name: "X" }, "number"],
      ["a number with letters", { number: "20a", name: "X" }, "number"],
      ["a number carrying a config line", { number: "1001\n[globex_1001]", name: "X" }, "number"],
      ["a name with a newline", { number: "500", name: "Ana\nexten => _X.,1,Dial(PJSIP/evil)" }, "name"],
      ["a name with a semicolon", { number: "500", name: "Ana;" }, "name"],
      ["a name with brackets", { number: "500", name: "[globex]" }, "name"],
      ["a name with a comma", { number: "500", name: "Ana, Rui" }, "name"],
      ["a name with a parenthesis", { number: "500", name: "Ana)" }, "name"],
      ["a name with a dialplan expression", { number: "500", name: "${EXTEN}" }, "name"],
      ["a name with quotes", { number: "500", name: '"Ana" <200>' }, "name"],
      ["a name longer than 40", { number: "500", name: "a".repeat(41) }, "name"],
      ["an empty name", { number: "500", name: "  " }, "name"],
      ["a caller id with letters", { number: "500", name: "X", callerIdNumber: "+55abc" }, "callerIdNumber"],
      ["a caller id with a newline", { number: "500", name: "X", callerIdNumber: "5511\n999" }, "callerIdNumber"],
      ["max contacts 0", { number: "500", name: "X", maxContacts: 0 }, "maxContacts"],
      ["max contacts 11", { number: "500", name: "X", maxContacts: 11 }, "maxContacts"],
      ["a malformed member id", { number: "500", name: "X", membershipId: "not-a-uuid" }, "membershipId"],
    ])("refuses %s and writes nothing", async (_label, input, field) => {
      const t = await telephonyTenant();
      const error = await trpcError(t.admin.caller.telephony.extensions.create(input));
      expect(error.code).toBe("BAD_REQUEST");
      expect(failedFields(error)).toContain(field);
      expect(await extensionRows(t.id)).toEqual([]);
    });

    it("the caller id must be one of the tenant's DIDs: its own (with or without +) passes, another tenant's or an unknown one is a field error", async () => {
      const t = await telephonyTenant();
      const other = await telephonyTenant();
      const mine = await allocateDid(t.id);
      const theirs = await allocateDid(other.id);
      for (const callerIdNumber of [theirs.number, "+5511900000000"]) {
        const error = await trpcError(t.admin.caller.telephony.extensions.create({ number: "600", name: "X", callerIdNumber }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(error.cause).toMatchObject({
          code: "INVALID_INPUT",
          details: { fieldErrors: { callerIdNumber: ["telephony.extensions.errors.caller_id_not_did"] } },
        });
      }
      expect(await extensionRows(t.id)).toEqual([]);
      const created = await t.admin.caller.telephony.extensions.create({ number: "600", name: "X", callerIdNumber: mine.number.slice(1) });
      expect(created.extension.callerIdNumber).toBe(mine.number);
      expect(await t.admin.caller.telephony.extensions.formOptions()).toMatchObject({ dids: [mine.number] });
    });

    it("one extension per member: a second one for the same member is a CONFLICT on the member field", async () => {
      const t = await telephonyTenant();
      await t.admin.caller.telephony.extensions.create({ number: "700", name: "Primeiro", membershipId: t.rep.membershipId });
      const error = await trpcError(
        t.admin.caller.telephony.extensions.create({ number: "701", name: "Segundo", membershipId: t.rep.membershipId }),
      );
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toMatchObject({
        details: { fieldErrors: { membershipId: ["telephony.extensions.errors.member_has_extension?number=700"] } },
      });
      expect((await extensionRows(t.id)).map((e) => e.number)).toEqual(["700"]);
    });
  });

  describe("roles", () => {
    it("reps may do nothing; managers and support read; only a member admin creates, edits and deletes", async () => {
      const t = await telephonyTenant();
      const { extension } = await t.admin.caller.telephony.extensions.create({ number: "800", name: "Base" });

      expect((await trpcError(t.rep.caller.telephony.extensions.list())).code).toBe("FORBIDDEN");
      expect((await trpcError(t.rep.caller.telephony.extensions.usage())).code).toBe("FORBIDDEN");
      expect((await trpcError(rui.telephony.extensions.list())).code).toBe("FORBIDDEN");
      expect((await trpcError(t.rep.caller.telephony.extensions.create({ number: "801", name: "Rep" }))).code).toBe("FORBIDDEN");

      for (const reader of [t.manager.caller, t.support]) {
        expect((await reader.telephony.extensions.list()).map((e) => e.number)).toEqual(["800"]);
        expect(await reader.telephony.extensions.usage()).toEqual({ used: 1, limit: 10 });
      }
      expect((await marta.telephony.extensions.list()).every((e) => e.endpoint.startsWith("acme_"))).toBe(true);

      for (const denied of [t.manager.caller, t.support, t.rep.caller]) {
        expect((await trpcError(denied.telephony.extensions.create({ number: "801", name: "Nao" }))).code).toBe("FORBIDDEN");
        expect((await trpcError(denied.telephony.extensions.update({ id: extension.id, data: { name: "Nao" } }))).code).toBe("FORBIDDEN");
        expect((await trpcError(denied.telephony.extensions.delete({ id: extension.id }))).code).toBe("FORBIDDEN");
        expect((await trpcError(denied.telephony.extensions.regenerateSecret({ id: extension.id }))).code).toBe("FORBIDDEN");
        expect((await trpcError(denied.telephony.extensions.createForAllMembers())).code).toBe("FORBIDDEN");
      }
      expect((await trpcError(t.support.telephony.extensions.create({ number: "801", name: "Nao" }))).message).toBe(
        "errors.support_read_only",
      );
      expect((await extensionRows(t.id)).map((e) => [e.number, e.name])).toEqual([["800", "Base"]]);
      expect((await auditExt(extension.id)).map((e) => e.action)).toEqual(["extension.create"]);
    });
  });

  describe("list", () => {
    it("lists in numeric order with members, filtered by number, name or member", async () => {
      const t = await telephonyTenant();
      for (const number of ["100", "20", "1000", "21"]) {
        await t.admin.caller.telephony.extensions.create({
          number,
          name: `Ramal ${number}`,
          membershipId: number === "20" ? t.manager.membershipId : null,
        });
      }
      const list = await t.manager.caller.telephony.extensions.list();
      expect(list.map((e) => e.number)).toEqual(["20", "21", "100", "1000"]);
      expect(list[0]).toMatchObject({ endpoint: `${t.slug}_20`, member: { id: t.manager.membershipId } });
      expect((await t.manager.caller.telephony.extensions.list({ q: "100" })).map((e) => e.number)).toEqual(["100", "1000"]);
      expect((await t.manager.caller.telephony.extensions.list({ q: "RAMAL 2" })).map((e) => e.number)).toEqual(["20", "21"]);
      expect((await t.manager.caller.telephony.extensions.list({ q: t.manager.email.slice(0, 12) })).map((e) => e.number)).toEqual(["20"]);
    });
  });

  describe("update", () => {
    it("changes name, member, caller id, voicemail, max contacts and enabled, auditing before and after; the number stays", async () => {
      const t = await telephonyTenant();
      const did = await allocateDid(t.id);
      const { extension } = await t.admin.caller.telephony.extensions.create({
        number: "900",
        name: "Antes",
        membershipId: t.rep.membershipId,
      });
      const updated = await t.admin.caller.telephony.extensions.update({
        id: extension.id,
        data: { name: "Depois", membershipId: null, callerIdNumber: did.number, voicemail: true, maxContacts: 10, enabled: false },
      });
      expect(updated).toMatchObject({
        id: extension.id,
        number: "900",
        name: "Depois",
        member: null,
        callerIdNumber: did.number,
        voicemail: true,
        maxContacts: 10,
        enabled: false,
      });
      const [, entry] = await auditExt(extension.id);
      expect(entry).toMatchObject({
        action: "extension.update",
        before: { name: "Antes", membershipId: t.rep.membershipId, enabled: true, callerIdNumber: null },
        after: { name: "Depois", membershipId: null, enabled: false, callerIdNumber: did.number },
      });
      // An empty caller id clears it; fields left out stay.
      expect(await t.admin.caller.telephony.extensions.update({ id: extension.id, data: { callerIdNumber: "" } })).toMatchObject({
        callerIdNumber: null,
        name: "Depois",
        maxContacts: 10,
      });
    });

    it("bad input changes nothing: a bad name, a new number, a member who has another extension, a foreign DID", async () => {
      const t = await telephonyTenant();
      const other = await telephonyTenant();
      const foreign = await allocateDid(other.id);
      await t.admin.caller.telephony.extensions.create({ number: "910", name: "Do rep", membershipId: t.rep.membershipId });
      const { extension } = await t.admin.caller.telephony.extensions.create({ number: "911", name: "Fixo" });
      const attempts = [
        { name: "a;b" },
        { number: "912" } as never,
        { membershipId: t.rep.membershipId },
        { callerIdNumber: foreign.number },
        { maxContacts: 0 },
      ];
      for (const data of attempts) {
        const error = await trpcError(t.admin.caller.telephony.extensions.update({ id: extension.id, data }));
        expect(["BAD_REQUEST", "CONFLICT"]).toContain(error.code);
      }
      const rows = await extensionRows(t.id);
      expect(rows.find((r) => r.id === extension.id)).toMatchObject({
        number: "911",
        name: "Fixo",
        membershipId: null,
        callerIdNumber: null,
      });
      expect((await auditExt(extension.id)).map((e) => e.action)).toEqual(["extension.create"]);
    });
  });

  describe("regenerateSecret", () => {
    it("replaces the secret, returns the new one once, and audits without it", async () => {
      const t = await telephonyTenant();
      const created = await t.admin.caller.telephony.extensions.create({ number: "950", name: "Telefone" });
      const regenerated = await t.admin.caller.telephony.extensions.regenerateSecret({ id: created.extension.id });
      expect(regenerated.extension).toMatchObject({ id: created.extension.id, endpoint: `${t.slug}_950` });
      expect(regenerated.secret).not.toBe(created.secret);
      const [row] = await extensionRows(t.id);
      expect(secretOf(row!)).toBe(regenerated.secret);
      const entry = (await auditExt(created.extension.id)).at(-1);
      expect(entry).toMatchObject({ action: "extension.regenerate_secret", tenantId: t.id, actorEmail: t.admin.email });
      expect(JSON.stringify(entry)).not.toContain(regenerated.secret);
    });
  });

  describe("createForAllMembers", () => {
    it("creates one extension per member without one, on the next free numbers from 1001, names folded to ASCII", async () => {
      const t = await telephonyTenant();
      await ownerQuery(`UPDATE "User" SET name = 'Zé Açaí' WHERE email = $1`, [t.rep.email]);
      await t.admin.caller.telephony.extensions.create({ number: "1001", name: "Ocupado" });
      await t.admin.caller.telephony.extensions.create({ number: "1003", name: "Do gerente", membershipId: t.manager.membershipId });
      expect((await t.admin.caller.telephony.extensions.formOptions()).membersWithoutExtension.map((m) => m.id).sort()).toEqual(
        [t.admin.membershipId, t.rep.membershipId].sort(),
      );

      const { created } = await t.admin.caller.telephony.extensions.createForAllMembers();
      expect(created.map((c) => c.extension.number)).toEqual(["1002", "1004"]);
      const byMember = Object.fromEntries(created.map((c) => [c.extension.member!.id, c]));
      expect(byMember[t.rep.membershipId]!.extension.name).toBe("Ze Acai");
      expect(byMember[t.admin.membershipId]!.extension.name).toBe(`User ${t.admin.email}`.replace(/[^A-Za-z0-9 ._'-]/g, ""));
      const rows = await extensionRows(t.id);
      for (const c of created) expect(secretOf(rows.find((r) => r.id === c.extension.id)!)).toBe(c.secret);
      expect(new Set(created.map((c) => c.secret)).size).toBe(2);
      for (const c of created) {
        const audit = await auditExt(c.extension.id);
        expect(audit.map((e) => e.action)).toEqual(["extension.create_for_member"]);
        expect(JSON.stringify(audit)).not.toContain(c.secret);
      }

      // Everyone has one now: nothing more to do.
      expect(await t.admin.caller.telephony.extensions.createForAllMembers()).toEqual({ created: [] });
      expect(await extensionRows(t.id)).toHaveLength(4);
    });

    it("is all or nothing at the plan limit: refused with the limit message, nothing created", async () => {
      const t = await telephonyTenant(3);
      await t.admin.caller.telephony.extensions.create({ number: "10", name: "Um" });
      await insertMember(t.id, "rep"); // four members without an extension, two free slots
      const error = await trpcError(t.admin.caller.telephony.extensions.createForAllMembers());
      expect(error.cause).toMatchObject({ code: "LIMIT_REACHED", details: { resource: "extensions", used: 1, limit: 3 } });
      expect(error.message).toBe("errors.limit_extensions?limit=3");
      expect((await extensionRows(t.id)).map((e) => e.number)).toEqual(["10"]);
    });
  });

  describe("delete", () => {
    it("is refused, naming the DID, while a DID rings the extension; ring-group memberships go with it", async () => {
      const t = await telephonyTenant();
      const did = await allocateDid(t.id);
      const { extension } = await t.admin.caller.telephony.extensions.create({ number: "960", name: "Atende" });
      await routeDid(t.id, did.id, { extensionId: extension.id });
      const error = await trpcError(t.admin.caller.telephony.extensions.delete({ id: extension.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe(`telephony.extensions.errors.in_use_by_did?did=${encodeURIComponent(did.number)}`);
      expect(await extensionRows(t.id)).toHaveLength(1);

      await ownerQuery(`DELETE FROM "DidRoute" WHERE "didId" = $1`, [did.id]);
      const [group] = await ownerQuery<{ id: string }>(
        `INSERT INTO "RingGroup" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Vendas', now()) RETURNING id`,
        [t.id],
      );
      await ownerQuery(`INSERT INTO "RingGroupMember" ("tenantId", "ringGroupId", "extensionId", position) VALUES ($1, $2, $3, 0)`, [
        t.id,
        group!.id,
        extension.id,
      ]);
      expect(await t.admin.caller.telephony.extensions.delete({ id: extension.id })).toEqual({ id: extension.id });
      expect(await extensionRows(t.id)).toEqual([]);
      expect(await ownerQuery(`SELECT 1 FROM "RingGroupMember" WHERE "ringGroupId" = $1`, [group!.id])).toEqual([]);
      expect((await auditExt(extension.id)).at(-1)).toMatchObject({ action: "extension.delete", before: { number: "960" }, after: null });
      expect((await trpcError(t.admin.caller.telephony.extensions.delete({ id: extension.id }))).code).toBe("NOT_FOUND");
    });
  });

  describe("cross-tenant", () => {
    it("a globex extension id from acme is NOT_FOUND for update, delete and regenerateSecret, and is left alone", async () => {
      const before = await ownerQuery(`SELECT * FROM "Extension" WHERE id = $1`, [globexExtension.id]);
      expect((await trpcError(ana.telephony.extensions.update({ id: globexExtension.id, data: { name: "Sequestro" } }))).code).toBe(
        "NOT_FOUND",
      );
      expect((await trpcError(ana.telephony.extensions.delete({ id: globexExtension.id }))).code).toBe("NOT_FOUND");
      expect((await trpcError(ana.telephony.extensions.regenerateSecret({ id: globexExtension.id }))).code).toBe("NOT_FOUND");
      expect((await ana.telephony.extensions.list()).some((e) => e.id === globexExtension.id)).toBe(false);
      expect(await ownerQuery(`SELECT * FROM "Extension" WHERE id = $1`, [globexExtension.id])).toEqual(before);
      expect((await trpcError(ana.telephony.extensions.delete({ id: randomUUID() }))).code).toBe("NOT_FOUND");
    });

    it("a globex membershipId is a field error on create and update", async () => {
      const [globexMember] = await ownerQuery<{ id: string }>(`SELECT id FROM "Membership" WHERE "tenantId" = $1 LIMIT 1`, [
        await tenantId("globex"),
      ]);
      const t = await telephonyTenant();
      const fieldError = {
        code: "INVALID_INPUT",
        details: { fieldErrors: { membershipId: ["telephony.extensions.errors.member_not_found"] } },
      };
      const onCreate = await trpcError(
        t.admin.caller.telephony.extensions.create({ number: "970", name: "X", membershipId: globexMember!.id }),
      );
      expect(onCreate.cause).toMatchObject(fieldError);
      expect(await extensionRows(t.id)).toEqual([]);
      const { extension } = await t.admin.caller.telephony.extensions.create({ number: "971", name: "Y" });
      const onUpdate = await trpcError(
        t.admin.caller.telephony.extensions.update({ id: extension.id, data: { membershipId: globexMember!.id } }),
      );
      expect(onUpdate.cause).toMatchObject(fieldError);
      expect((await extensionRows(t.id))[0]!.membershipId).toBeNull();
    });
  });

  describe("injection (save side)", () => {
    it("hundreds of hostile names, numbers and caller ids are refused by the router and nothing is written", async () => {
      const t = await telephonyTenant();
      const cases: [string, Record<string, unknown>][] = [
        ...hostileStrings(150, 11, "Ana Souza").map((name): [string, Record<string, unknown>] => ["name", { number: "555", name }]),
        ...hostileStrings(100, 12, "1001").map((number): [string, Record<string, unknown>] => ["number", { number, name: "Ana" }]),
        ...hostileStrings(100, 13, "+5511999990000").map((callerIdNumber): [string, Record<string, unknown>] => [
          "callerIdNumber",
          { number: "555", name: "Ana", callerIdNumber },
        ]),
      ];
      for (const [field, input] of cases) {
        const error = await trpcError(t.admin.caller.telephony.extensions.create(input as never));
        expect(error.code, JSON.stringify(input)).toBe("BAD_REQUEST");
        expect(failedFields(error), JSON.stringify(input)).toContain(field);
      }
      const { extension } = await t.admin.caller.telephony.extensions.create({ number: "556", name: "Alvo" });
      for (const name of hostileStrings(100, 14, "Alvo")) {
        expect((await trpcError(t.admin.caller.telephony.extensions.update({ id: extension.id, data: { name } }))).code).toBe(
          "BAD_REQUEST",
        );
      }
      expect((await extensionRows(t.id)).map((r) => [r.number, r.name, r.callerIdNumber])).toEqual([["556", "Alvo", null]]);
    });
  });
});
