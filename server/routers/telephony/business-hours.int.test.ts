import { beforeAll, describe, expect, it } from "vitest";
import { hostileStrings } from "@/lib/telephony/hostile-strings";
import { blamedFields, trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import {
  auditActions,
  englishMessage,
  insertBusinessHours,
  numbersTenant,
  type NumbersTenant,
} from "@/server/services/numbers/numbers.fixture";
import { ownerQuery } from "@/server/testing/owner-db";

async function hoursRows(tenantId: string) {
  return ownerQuery<{ id: string; name: string; timezone: string; rules: unknown }>(
    `SELECT id, name, timezone, rules FROM "BusinessHours" WHERE "tenantId" = $1 ORDER BY name`,
    [tenantId],
  );
}

const COMERCIAL = {
  name: "Comercial",
  timezone: "America/Sao_Paulo",
  rules: [
    { days: ["mon", "tue", "wed", "thu", "fri"] as const, open: "08:00", close: "18:00" },
    { days: ["sat"] as const, open: "09:00", close: "13:00" },
  ],
};
type Fields = { name: string; timezone: string; rules: { days: string[]; open: string; close: string }[] };
const fields = (patch: Partial<Fields> = {}) =>
  ({ ...COMERCIAL, rules: COMERCIAL.rules.map((r) => ({ ...r, days: [...r.days] })), ...patch }) as never;

describe("telephony.businessHours", () => {
  let t: NumbersTenant;
  let other: NumbersTenant;
  let otherHours: string;

  beforeAll(async () => {
    [t, other] = await Promise.all([numbersTenant(1), numbersTenant(0)]);
    otherHours = await insertBusinessHours(other.id, "Comercial");
  });

  it("creates hours with their rules and timezone, audited, and lists them", async () => {
    const hours = await t.admin.caller.telephony.businessHours.create(fields());
    expect(hours).toMatchObject({ name: "Comercial", timezone: "America/Sao_Paulo", usedBy: [] });
    expect(hours.rules).toEqual(COMERCIAL.rules);
    const [row] = (await hoursRows(t.id)).filter((r) => r.id === hours.id);
    expect(row?.rules).toEqual(COMERCIAL.rules);
    expect(await auditActions(t.id, "business_hours", hours.id)).toEqual(["business_hours.create"]);
    expect((await t.manager.caller.telephony.businessHours.list()).map((h) => h.id)).toContain(hours.id);
  });

  it("updates name, timezone and rules", async () => {
    const hours = await t.admin.caller.telephony.businessHours.create(fields({ name: "Filial Manaus" }));
    const updated = await t.owner.caller.telephony.businessHours.update({
      id: hours.id,
      data: fields({ name: "Filial AM", timezone: "America/Manaus", rules: [{ days: ["sun"], open: "10:00", close: "14:30" }] }),
    });
    expect(updated).toMatchObject({
      name: "Filial AM",
      timezone: "America/Manaus",
      rules: [{ days: ["sun"], open: "10:00", close: "14:30" }],
    });
    expect(await auditActions(t.id, "business_hours", hours.id)).toEqual(["business_hours.create", "business_hours.update"]);
  });

  it("validates rules, times and timezones with specific messages", async () => {
    const rule = (r: Partial<{ days: string[]; open: string; close: string }>) => [{ days: ["mon"], open: "08:00", close: "18:00", ...r }];
    const cases: [Partial<Fields>, string, string][] = [
      [
        { rules: rule({ open: "18:00", close: "08:00" }) },
        "rules.0.close",
        "Closing must be after opening (to go past midnight, add two intervals).",
      ],
      [
        { rules: rule({ open: "08:00", close: "08:00" }) },
        "rules.0.close",
        "Closing must be after opening (to go past midnight, add two intervals).",
      ],
      [{ rules: rule({ close: "24:00" }) }, "rules.0.close", "Use HH:MM, from 00:00 to 23:59."],
      [{ rules: rule({ open: "8:00" }) }, "rules.0.open", "Use HH:MM, from 00:00 to 23:59."],
      [{ rules: rule({ days: [] }) }, "rules.0.days", "Choose at least one day."],
      [{ rules: rule({ days: ["mon", "mon"] }) }, "rules.0.days", "A day appears more than once."],
      [{ rules: rule({ days: ["monday"] }) }, "rules.0.days.0", "Invalid option."],
      [{ rules: [] }, "rules", "Add at least one interval."],
      [{ rules: Array.from({ length: 15 }, () => rule({})[0]!) }, "rules", "At most 14 intervals."],
      [{ timezone: "Europe/Lisbon" }, "timezone", "Invalid time zone. Choose one from the list."],
      [{ name: "" }, "name", "Required."],
    ];
    const before = await hoursRows(t.id);
    for (const [patch, field, message] of cases) {
      const error = await trpcError(t.admin.caller.telephony.businessHours.create(fields({ name: "Nova", ...patch })));
      expect(error.code, field).toBe("BAD_REQUEST");
      expect(blamedFields(error), field).toEqual([field]);
      expect(englishMessage(error)).toBe(message);
    }
    expect(await hoursRows(t.id)).toEqual(before);
  });

  it("keeps names unique per tenant, whatever the case", async () => {
    await t.admin.caller.telephony.businessHours.create(fields({ name: "Plantão" }));
    const error = await trpcError(t.admin.caller.telephony.businessHours.create(fields({ name: "plantão" })));
    expect(error.code).toBe("CONFLICT");
    expect(blamedFields(error)).toEqual(["name"]);
  });

  it("answers NOT_FOUND for another tenant's hours, and leaves them alone", async () => {
    expect((await trpcError(t.admin.caller.telephony.businessHours.update({ id: otherHours, data: fields() }))).code).toBe("NOT_FOUND");
    expect((await trpcError(t.admin.caller.telephony.businessHours.delete({ id: otherHours }))).code).toBe("NOT_FOUND");
    expect((await hoursRows(other.id)).map((h) => h.id)).toEqual([otherHours]);
    expect((await t.admin.caller.telephony.businessHours.list()).map((h) => h.id)).not.toContain(otherHours);
  });

  it("refuses deleting hours a number uses, naming the number; deletes them once unused", async () => {
    const hours = await t.admin.caller.telephony.businessHours.create(fields({ name: "Em uso" }));
    await t.admin.caller.telephony.dids.setRoute({
      didId: t.dids[0]!.id,
      destination: { type: "extension", targetId: t.extensions[0] },
      businessHoursId: hours.id,
      afterHours: { type: "unavailable" },
    });
    const listed = (await t.admin.caller.telephony.businessHours.list()).find((h) => h.id === hours.id)!;
    expect(listed.usedBy).toHaveLength(1);
    const error = await trpcError(t.admin.caller.telephony.businessHours.delete({ id: hours.id }));
    expect(error.code).toBe("CONFLICT");
    expect(englishMessage(error)).toBe(
      `The business hours “Em uso” are used by ${listed.usedBy[0]}. Change those numbers' destination before deleting them.`,
    );
    await t.admin.caller.telephony.dids.setRoute({ didId: t.dids[0]!.id, destination: { type: "extension", targetId: t.extensions[0] } });
    await t.admin.caller.telephony.businessHours.delete({ id: hours.id });
    expect((await hoursRows(t.id)).map((h) => h.id)).not.toContain(hours.id);
  });

  it("refuses hostile timezones, times and names (fuzzed): they would reach GotoIfTime; nothing is written", async () => {
    const before = await hoursRows(t.id);
    const attempts = [
      ...hostileStrings(40, 71, "America/Sao_Paulo").map((timezone) => ({ patch: { timezone }, field: "timezone" })),
      ...hostileStrings(40, 72, "08:00").map((open) => ({
        patch: { rules: [{ days: ["mon"], open, close: "18:00" }] },
        field: "rules.0.open",
      })),
      ...hostileStrings(40, 73, "18:00").map((close) => ({
        patch: { rules: [{ days: ["mon"], open: "08:00", close }] },
        field: "rules.0.close",
      })),
      ...["08:00\n", "08:00;", "08:00,*,*", "${EPOCH}", "08:00)", "０８:００", "8:00am"].map((open) => ({
        patch: { rules: [{ days: ["mon"], open, close: "18:00" }] },
        field: "rules.0.open",
      })),
      ...hostileStrings(30, 74, "Comercial")
        .filter((name) => !/^[\p{L}\p{N} ._'&/-]+$/u.test(name.normalize("NFC").replace(/^ +| +$/g, "")))
        .map((name) => ({ patch: { name }, field: "name" })),
    ];
    for (const { patch, field } of attempts) {
      const error = await trpcError(t.admin.caller.telephony.businessHours.create(fields({ name: "Fuzz", ...patch })));
      expect(error.code, JSON.stringify(patch)).toBe("BAD_REQUEST");
      expect(blamedFields(error)).toContain(field);
    }
    expect(await hoursRows(t.id)).toEqual(before);
  });

  it("lets managers and support read, only admins and owners write; reps see nothing", async () => {
    expect(Array.isArray(await t.support.telephony.businessHours.list())).toBe(true);
    expect((await trpcError(t.support.telephony.businessHours.create(fields({ name: "Suporte" })))).code).toBe("FORBIDDEN");
    expect((await trpcError(t.manager.caller.telephony.businessHours.create(fields({ name: "Gerente" })))).code).toBe("FORBIDDEN");
    expect((await trpcError(t.rep.caller.telephony.businessHours.list())).code).toBe("FORBIDDEN");
    expect((await trpcError(t.rep.caller.telephony.businessHours.create(fields({ name: "Rep" })))).code).toBe("FORBIDDEN");
    const names = (await hoursRows(t.id)).map((h) => h.name);
    for (const name of ["Suporte", "Gerente", "Rep"]) expect(names).not.toContain(name);
  });
});
