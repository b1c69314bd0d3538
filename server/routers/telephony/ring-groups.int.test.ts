import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_FRAGMENTS, hostileStrings } from "@/lib/telephony/hostile-strings";
import { blamedFields, trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import {
  auditActions,
  englishMessage,
  insertRingGroup,
  numbersTenant,
  type NumbersTenant,
} from "@/server/services/numbers/numbers.fixture";
import { ownerQuery } from "@/server/testing/owner-db";

async function groupRows(tenantId: string) {
  return ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "RingGroup" WHERE "tenantId" = $1 ORDER BY name`, [tenantId]);
}

async function memberNumbers(ringGroupId: string): Promise<string[]> {
  const rows = await ownerQuery<{ number: string }>(
    `SELECT e.number FROM "RingGroupMember" m JOIN "Extension" e ON e.id = m."extensionId" WHERE m."ringGroupId" = $1 ORDER BY m.position`,
    [ringGroupId],
  );
  return rows.map((r) => r.number);
}

// Letters with accents are fine in a name people read (they never reach a config line); every
// other hostile fragment (config syntax, quotes, control and invisible characters) must be refused.
const LETTER_FRAGMENTS = new Set(["ç", "é", "中"]);
const refusable = (value: string) => HOSTILE_FRAGMENTS.some((f) => !LETTER_FRAGMENTS.has(f) && value.includes(f));

describe("telephony.ringGroups", () => {
  let t: NumbersTenant;
  let other: NumbersTenant;
  let otherGroup: string;

  beforeAll(async () => {
    [t, other] = await Promise.all([numbersTenant(1), numbersTenant(0)]);
    otherGroup = await insertRingGroup(other.id, "Suporte", [other.extensions[0]!]);
  });

  it("creates a group with its members in ringing order, audited", async () => {
    const group = await t.admin.caller.telephony.ringGroups.create({
      name: "  Vendas ",
      strategy: "sequential",
      ringSeconds: 15,
      memberIds: [t.extensions[2]!, t.extensions[0]!],
    });
    expect(group).toMatchObject({ name: "Vendas", strategy: "sequential", ringSeconds: 15, usedBy: [] });
    expect(group.members.map((m) => m.number)).toEqual(["1003", "1001"]);
    expect(await memberNumbers(group.id)).toEqual(["1003", "1001"]);
    expect(await auditActions(t.id, "ring_group", group.id)).toEqual(["ring_group.create"]);
  });

  it("updates settings and reorders members in one go", async () => {
    const group = await t.admin.caller.telephony.ringGroups.create({
      name: "Recepção",
      strategy: "ringall",
      ringSeconds: 20,
      memberIds: [t.extensions[0]!, t.extensions[1]!],
    });
    const updated = await t.owner.caller.telephony.ringGroups.update({
      id: group.id,
      data: {
        name: "Recepção SP",
        strategy: "sequential",
        ringSeconds: 30,
        memberIds: [t.extensions[1]!, t.extensions[2]!, t.extensions[0]!],
      },
    });
    expect(updated).toMatchObject({ name: "Recepção SP", strategy: "sequential", ringSeconds: 30 });
    expect(await memberNumbers(group.id)).toEqual(["1002", "1003", "1001"]);
    expect(await auditActions(t.id, "ring_group", group.id)).toEqual(["ring_group.create", "ring_group.update"]);
    const listed = await t.manager.caller.telephony.ringGroups.list();
    expect(listed.find((g) => g.id === group.id)?.members.map((m) => m.number)).toEqual(["1002", "1003", "1001"]);
  });

  it("validates each field with a specific message", async () => {
    const base = { name: "Valid", strategy: "ringall" as const, ringSeconds: 20, memberIds: [t.extensions[0]!] };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: " " }, "name", "Required."],
      [{ name: "x".repeat(81) }, "name", "Use at most 80 characters."],
      [{ ringSeconds: 4 }, "ringSeconds", "Enter 5 to 300 seconds."],
      [{ ringSeconds: 301 }, "ringSeconds", "Enter 5 to 300 seconds."],
      [{ ringSeconds: 20.5 }, "ringSeconds", "Enter 5 to 300 seconds."],
      [{ memberIds: [] }, "memberIds", "Choose at least one extension."],
      [{ memberIds: [t.extensions[0]!, t.extensions[0]!] }, "memberIds", "An extension appears more than once."],
      [{ memberIds: Array.from({ length: 33 }, () => randomUUID()) }, "memberIds", "At most 32 extensions per group."],
      [{ strategy: "random" }, "strategy", "Invalid option."],
    ];
    for (const [patch, field, message] of cases) {
      const error = await trpcError(t.admin.caller.telephony.ringGroups.create({ ...base, ...patch } as typeof base));
      expect(error.code, field).toBe("BAD_REQUEST");
      expect(blamedFields(error)).toEqual([field]);
      expect(englishMessage(error)).toBe(message);
    }
    expect((await groupRows(t.id)).map((g) => g.name)).not.toContain("Valid");
  });

  it("keeps names unique per tenant, whatever the case, but another tenant may reuse one", async () => {
    await t.admin.caller.telephony.ringGroups.create({
      name: "Suporte",
      strategy: "ringall",
      ringSeconds: 20,
      memberIds: [t.extensions[0]!],
    });
    const error = await trpcError(
      t.admin.caller.telephony.ringGroups.create({ name: "SUPORTE", strategy: "ringall", ringSeconds: 20, memberIds: [t.extensions[0]!] }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(blamedFields(error)).toEqual(["name"]);
    expect(englishMessage(error)).toBe("A ring group named “SUPORTE” already exists.");
  });

  it("refuses another tenant's extension as a member, and writes nothing", async () => {
    const before = await groupRows(t.id);
    const error = await trpcError(
      t.admin.caller.telephony.ringGroups.create({
        name: "Mista",
        strategy: "ringall",
        ringSeconds: 20,
        memberIds: [t.extensions[0]!, other.extensions[0]!],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(blamedFields(error)).toEqual(["memberIds"]);
    expect(await groupRows(t.id)).toEqual(before);
  });

  it("answers NOT_FOUND for another tenant's group, and leaves it alone", async () => {
    const data = { name: "Roubado", strategy: "ringall" as const, ringSeconds: 20, memberIds: [t.extensions[0]!] };
    expect((await trpcError(t.admin.caller.telephony.ringGroups.update({ id: otherGroup, data }))).code).toBe("NOT_FOUND");
    expect((await trpcError(t.admin.caller.telephony.ringGroups.delete({ id: otherGroup }))).code).toBe("NOT_FOUND");
    expect((await groupRows(other.id)).map((g) => g.name)).toEqual(["Suporte"]);
    expect((await t.admin.caller.telephony.ringGroups.list()).map((g) => g.id)).not.toContain(otherGroup);
    expect((await t.admin.caller.telephony.ringGroups.extensionOptions()).map((e) => e.id)).toEqual(t.extensions);
  });

  it("refuses deleting a group a number routes to (open or after hours), naming the number", async () => {
    const group = await t.admin.caller.telephony.ringGroups.create({
      name: "Plantão",
      strategy: "ringall",
      ringSeconds: 20,
      memberIds: [t.extensions[1]!],
    });
    const did = t.dids[0]!;
    const hours = await t.admin.caller.telephony.businessHours.create({
      name: "Comercial",
      timezone: "America/Sao_Paulo",
      rules: [{ days: ["mon"], open: "08:00", close: "18:00" }],
    });
    await t.admin.caller.telephony.dids.setRoute({
      didId: did.id,
      destination: { type: "extension", targetId: t.extensions[0] },
      businessHoursId: hours.id,
      afterHours: { type: "ring_group", targetId: group.id },
    });
    const listed = (await t.admin.caller.telephony.ringGroups.list()).find((g) => g.id === group.id);
    expect(listed?.usedBy).toHaveLength(1);
    const error = await trpcError(t.admin.caller.telephony.ringGroups.delete({ id: group.id }));
    expect(error.code).toBe("CONFLICT");
    expect(englishMessage(error)).toContain(listed!.usedBy[0]!);
    expect((await groupRows(t.id)).map((g) => g.id)).toContain(group.id);

    await t.admin.caller.telephony.dids.clearRoute({ didId: did.id });
    expect(await t.admin.caller.telephony.ringGroups.delete({ id: group.id })).toEqual({ id: group.id, name: "Plantão" });
    expect((await groupRows(t.id)).map((g) => g.id)).not.toContain(group.id);
    expect(await auditActions(t.id, "ring_group", group.id)).toEqual(["ring_group.create", "ring_group.delete"]);
  });

  it("refuses names with config syntax, control or invisible characters (fuzzed), writing nothing", async () => {
    const before = await groupRows(t.id);
    const names = hostileStrings(60, 501, "Vendas").filter(refusable);
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const error = await trpcError(
        t.admin.caller.telephony.ringGroups.create({ name, strategy: "ringall", ringSeconds: 20, memberIds: [t.extensions[0]!] }),
      );
      expect(error.code, JSON.stringify(name)).toBe("BAD_REQUEST");
      expect(blamedFields(error)).toEqual(["name"]);
    }
    expect(await groupRows(t.id)).toEqual(before);
  });

  it("lets managers and support read, only admins and owners write; reps see nothing", async () => {
    const input = { name: "Papéis", strategy: "ringall" as const, ringSeconds: 20, memberIds: [t.extensions[0]!] };
    expect(Array.isArray(await t.manager.caller.telephony.ringGroups.list())).toBe(true);
    expect(Array.isArray(await t.support.telephony.ringGroups.list())).toBe(true);
    expect((await trpcError(t.manager.caller.telephony.ringGroups.create(input))).code).toBe("FORBIDDEN");
    expect((await trpcError(t.support.telephony.ringGroups.create(input))).code).toBe("FORBIDDEN");
    expect((await trpcError(t.rep.caller.telephony.ringGroups.list())).code).toBe("FORBIDDEN");
    expect((await trpcError(t.rep.caller.telephony.ringGroups.extensionOptions())).code).toBe("FORBIDDEN");
    expect((await trpcError(t.rep.caller.telephony.ringGroups.create(input))).code).toBe("FORBIDDEN");
    expect((await groupRows(t.id)).map((g) => g.name)).not.toContain("Papéis");
  });
});
