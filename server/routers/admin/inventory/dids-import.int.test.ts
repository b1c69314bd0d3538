import { beforeAll, describe, expect, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import { blamedFields, count, numberBlock, rootCaller, trpcError, unique, type Caller } from "./inventory-test-kit";

const HEADER = "number,provider,gateway,monthly_cost";

async function importAudits(firstNumber: string) {
  return ownerQuery<{ action: string; after: { imported: number; providers: Record<string, number> } }>(
    `SELECT action, after FROM "AuditLog" WHERE action = 'did.import' AND after->>'first' = $1`,
    [firstNumber],
  );
}

describe("admin.inventory.dids.import", () => {
  let root: Caller;
  let provider: { id: string; name: string };
  let gateway: { id: string; name: string };
  let otherGateway: { id: string; name: string };
  beforeAll(async () => {
    root = await rootCaller();
    provider = await root.admin.inventory.providers.create({ name: unique("Import provider") });
    gateway = await root.admin.inventory.gateways.create({
      providerId: provider.id,
      name: unique("imp-gw"),
      host: "sip.import.example",
      codecs: ["alaw"],
    });
    const other = await root.admin.inventory.providers.create({ name: unique("Import other") });
    otherGateway = await root.admin.inventory.gateways.create({
      providerId: other.id,
      name: unique("imp-other"),
      host: "sip.other.example",
      codecs: ["alaw"],
    });
  });

  it("imports 5,000 numbers in one go, quickly, with one audit entry; the same file again imports nothing", async () => {
    const { typed, e164 } = numberBlock(5_000);
    const csv = [
      HEADER,
      ...typed.map((n, i) => `${n},${provider.name},${i % 2 ? gateway.name : ""},"${i % 3},${String(i % 100).padStart(2, "0")}"`),
    ].join("\r\n");

    const started = performance.now();
    const result = await root.admin.inventory.dids.import({ csv });
    const elapsed = performance.now() - started;
    expect(result).toEqual({ imported: 5_000, rows: 5_000, errors: [] });
    expect(elapsed).toBeLessThan(10_000);

    const [stored] = await ownerQuery<{ n: number; withGateway: number; total: string }>(
      `SELECT count(*)::int AS n, count("gatewayId")::int AS "withGateway", sum("monthlyCost")::text AS total
       FROM "Did" WHERE number = ANY($1::text[]) AND status = 'free' AND "tenantId" IS NULL`,
      [e164],
    );
    const expectedTotal = typed.reduce((sum, _n, i) => sum + (i % 3) * 100 + (i % 100), 0) / 100;
    expect(stored).toEqual({ n: 5_000, withGateway: 2_500, total: expectedTotal.toFixed(2) });

    const audits = await importAudits(e164[0]!);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ imported: 5_000, providers: { [provider.name]: 5_000 } });

    // Re-importing: every line is already in the inventory, nothing changes.
    const again = await root.admin.inventory.dids.import({ csv });
    expect(again.imported).toBe(0);
    expect(again.errors).toHaveLength(5_000);
    expect(again.errors[0]).toEqual({ line: 2, reason: `${e164[0]} is already in the inventory.` });
    expect(again.errors.at(-1)).toEqual({ line: 5_001, reason: `${e164[4_999]} is already in the inventory.` });
    expect(await count("Did", "number = ANY($1::text[])", [e164])).toBe(5_000);
    expect(await importAudits(e164[0]!)).toHaveLength(1);
  });

  it("takes the largest file it accepts (20,000 numbers) inside the console's transaction time", async () => {
    const { typed, e164 } = numberBlock(20_000);
    const csv = [HEADER, ...typed.map((n) => `${n},${provider.name},${gateway.name},1.99`)].join("\n");
    const result = await root.admin.inventory.dids.import({ csv });
    expect(result).toEqual({ imported: 20_000, rows: 20_000, errors: [] });
    expect(await count("Did", 'number = ANY($1::text[]) AND "gatewayId" = $2', [e164, gateway.id])).toBe(20_000);
    const tooMany = await root.admin.inventory.dids.import({ csv: `${csv}\n(11) 3000-0000,${provider.name},,1` });
    expect(tooMany.imported).toBe(0);
    expect(tooMany.errors.at(-1)).toEqual({ line: 20_002, reason: "The file has more than 20000 numbers. Split it." });
  }, 60_000);

  it("a file with bad lines imports nothing, not even its good lines, and reports each bad line", async () => {
    const { typed, e164 } = numberBlock(6);
    const csv = [
      HEADER,
      `${typed[0]},${provider.name},${gateway.name},12.50`,
      `${typed[1]},Nobody Telecom,,1`,
      `not-a-number,${provider.name},,1`,
      "",
      `${typed[2]},${provider.name},${otherGateway.name},1`,
      `${typed[3]},${provider.name},,-4`,
      `${typed[0]},${provider.name},,1`,
      `${typed[4]},${provider.name},,1,extra`,
      `${typed[5]},${provider.name},,"12,50"`,
    ].join("\n");
    const result = await root.admin.inventory.dids.import({ csv });
    expect(result.imported).toBe(0);
    expect(result.rows).toBe(8);
    expect(result.errors).toEqual([
      { line: 3, reason: "Unknown provider: Nobody Telecom." },
      { line: 4, reason: "Invalid number: not-a-number." },
      { line: 6, reason: `Gateway ${otherGateway.name} does not belong to provider ${provider.name}.` },
      { line: 7, reason: "Negative monthly cost: -4." },
      { line: 8, reason: `${e164[0]} is repeated (first on line 2).` },
      {
        line: 9,
        reason: "The line has 5 columns; 4 expected. Values with a comma (12,50) need quotes, or use ; as the separator.",
      },
    ]);
    expect(await count("Did", "number = ANY($1::text[])", [e164])).toBe(0);
    expect(await importAudits(e164[0]!)).toHaveLength(0);
  });

  it("refuses a file mixing new numbers with ones already in the inventory, naming those lines", async () => {
    const { typed, e164 } = numberBlock(3);
    await root.admin.inventory.dids.import({ csv: `${HEADER}\n${typed[1]},${provider.name},,1` });
    const result = await root.admin.inventory.dids.import({ csv: [HEADER, ...typed.map((n) => `${n},${provider.name},,1`)].join("\n") });
    expect(result).toEqual({ imported: 0, rows: 3, errors: [{ line: 3, reason: `${e164[1]} is already in the inventory.` }] });
    expect(await count("Did", "number = ANY($1::text[])", [e164])).toBe(1);
  });

  it("reports problems in the caller's language", async () => {
    const pt = await rootCaller("pt-BR");
    const result = await pt.admin.inventory.dids.import({ csv: `${HEADER}\n12345,${provider.name},,1` });
    expect(result.errors).toEqual([{ line: 2, reason: "Número inválido: 12345." }]);
  });

  it("refuses files over 2 MB and without the header before reading any number", async () => {
    const huge = `${HEADER}\n${"x".repeat(2 * 1024 * 1024)}`;
    const error = await trpcError(root.admin.inventory.dids.import({ csv: huge }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(blamedFields(error)).toEqual(["csv"]);
    const noHeader = await root.admin.inventory.dids.import({ csv: `(11) 3000-1000,${provider.name},,1` });
    expect(noHeader.errors).toEqual([{ line: 1, reason: "Invalid header: expected number, provider, gateway, monthly_cost." }]);
  });
});
