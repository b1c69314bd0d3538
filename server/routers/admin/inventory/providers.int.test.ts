import { beforeAll, describe, expect, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import { auditFor, blamedFields, count, insertFreeDids, rootCaller, trpcError, unique, type Caller } from "./inventory-test-kit";

describe("admin.inventory.providers", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await rootCaller();
  });

  it("creates, reads, lists, updates and deletes a provider, auditing each change", async () => {
    const name = unique("Vivo");
    const created = await root.admin.inventory.providers.create({
      name: `  ${name}  `,
      type: "wholesale",
      contactName: "Ana Souza",
      contactEmail: "NOC@Vivo.example",
      contactPhone: "(11) 98765-4321",
      defaultCostPerMinute: "0,0450",
    });
    expect(created).toMatchObject({
      name,
      type: "wholesale",
      contactEmail: "noc@vivo.example",
      contactPhone: "+5511987654321",
      defaultCostPerMinute: "0.0450",
      gatewayCount: 0,
      didCount: 0,
    });
    expect(await root.admin.inventory.providers.get({ id: created.id })).toEqual(created);
    expect((await root.admin.inventory.providers.list()).map((p) => p.id)).toContain(created.id);

    const updated = await root.admin.inventory.providers.update({
      id: created.id,
      data: { name, type: "carrier", contactEmail: "", contactPhone: "", defaultCostPerMinute: "0.05" },
    });
    expect(updated).toMatchObject({
      type: "carrier",
      contactEmail: null,
      contactPhone: null,
      contactName: null,
      defaultCostPerMinute: "0.0500",
    });

    await root.admin.inventory.providers.delete({ id: created.id });
    expect((await trpcError(root.admin.inventory.providers.get({ id: created.id }))).code).toBe("NOT_FOUND");

    const audit = await auditFor(created.id);
    expect(audit.map((a) => a.action)).toEqual(["provider.create", "provider.update", "provider.delete"]);
    expect(audit.every((a) => a.actorEmail === "root@linha.local" && a.tenantId === null)).toBe(true);
    expect(audit[1]).toMatchObject({ before: { type: "wholesale" }, after: { type: "carrier", defaultCostPerMinute: "0.0500" } });
  });

  it("refuses a name already taken, whatever its case, as a field error, and changes nothing", async () => {
    const name = unique("Claro");
    const first = await root.admin.inventory.providers.create({ name });
    const error = await trpcError(root.admin.inventory.providers.create({ name: name.toUpperCase() }));
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ details: { fieldErrors: { name: ["inventory.errors.provider_name_taken"] } } });
    expect(await count("Provider", "lower(name) = lower($1)", [name])).toBe(1);

    const other = await root.admin.inventory.providers.create({ name: unique("Oi") });
    expect((await trpcError(root.admin.inventory.providers.update({ id: other.id, data: { name } }))).code).toBe("CONFLICT");
    expect((await root.admin.inventory.providers.get({ id: other.id })).name).toBe(other.name);
    // Renaming to its own name (another case) is fine.
    await expect(root.admin.inventory.providers.update({ id: first.id, data: { name: name.toLowerCase() } })).resolves.toMatchObject({
      name: name.toLowerCase(),
    });
  });

  it.each([
    ["an empty name", { name: "  " }, "name"],
    ["a name with a line break", { name: "Vivo\nEvil" }, "name"],
    ["a bad e-mail", { name: "X", contactEmail: "noc" }, "contactEmail"],
    ["a bad phone", { name: "X", contactPhone: "123" }, "contactPhone"],
    ["a negative cost", { name: "X", defaultCostPerMinute: "-0,01" }, "defaultCostPerMinute"],
    ["five decimals", { name: "X", defaultCostPerMinute: "0,00001" }, "defaultCostPerMinute"],
    ["an unknown type", { name: "X", type: "mvno" }, "type"],
  ])("refuses %s and writes nothing", async (_label, input, field) => {
    // A marker of this attempt only: other files create providers at the same time.
    const marker = unique("marker");
    const error = await trpcError(root.admin.inventory.providers.create({ contactName: marker, ...input } as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(blamedFields(error)).toEqual([field]);
    expect(await count("Provider", `"contactName" = $1`, [marker])).toBe(0);
  });

  it("refuses to delete a provider that still has gateways or numbers, saying what uses it", async () => {
    const provider = await root.admin.inventory.providers.create({ name: unique("Algar") });
    const gateway = await root.admin.inventory.gateways.create({
      providerId: provider.id,
      name: unique("gw"),
      host: "sip.algar.example",
      codecs: ["alaw"],
    });
    await insertFreeDids(provider.id, 2);

    const error = await trpcError(root.admin.inventory.providers.delete({ id: provider.id }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("inventory.errors.provider_in_use?gateways=1&dids=2");
    expect(await count("Provider", "id = $1", [provider.id])).toBe(1);
    expect((await auditFor(provider.id)).map((a) => a.action)).toEqual(["provider.create"]);

    await root.admin.inventory.gateways.delete({ id: gateway.id });
    await ownerQuery(`DELETE FROM "Did" WHERE "providerId" = $1`, [provider.id]);
    await expect(root.admin.inventory.providers.delete({ id: provider.id })).resolves.toEqual({ id: provider.id });
  });

  it("answers NOT_FOUND for an unknown provider on every verb", async () => {
    const id = "0195f0a0-0000-7000-8000-00000000dead";
    expect((await trpcError(root.admin.inventory.providers.get({ id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(root.admin.inventory.providers.update({ id, data: { name: unique("x") } }))).code).toBe("NOT_FOUND");
    expect((await trpcError(root.admin.inventory.providers.delete({ id }))).code).toBe("NOT_FOUND");
  });
});
