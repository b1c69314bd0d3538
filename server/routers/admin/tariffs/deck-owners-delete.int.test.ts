import { beforeAll, describe, expect, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertPlan } from "@/server/services/plans/throwaway-tenant.fixture";
import { insertGateway, insertProvider, rootCaller, unique, type Caller } from "./tariffs-test-kit";

// A plan, provider or gateway that owns a rate deck is refused deletion with the deck's name
// (without the check the database's foreign key would surface as an internal error).
describe("deleting what owns a rate deck", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await rootCaller("pt-BR");
  });

  const exists = async (table: "Plan" | "Provider" | "Gateway", id: string) =>
    (await ownerQuery(`SELECT 1 FROM "${table}" WHERE id = $1`, [id])).length === 1;

  it("refuses a plan with a sell deck, a gateway or provider with a buy deck, and deletes them once the deck is gone", async () => {
    const plan = await insertPlan({});
    const planDeck = await root.admin.tariffs.decks.create({
      name: unique("Plan deck"),
      kind: "sell",
      ownerType: "plan",
      ownerId: plan.id,
    });
    await expect(root.admin.plans.delete({ id: plan.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `tariffs.errors.owner_deck_blocks_delete?name=${encodeURIComponent(planDeck.name).replace(/%20/g, "+")}`,
    });
    expect(await exists("Plan", plan.id)).toBe(true);

    const provider = await insertProvider();
    const gateway = await insertGateway(provider.id);
    const gatewayDeck = await root.admin.tariffs.decks.create({
      name: unique("Gw deck"),
      kind: "buy",
      ownerType: "gateway",
      ownerId: gateway.id,
    });
    await expect(root.admin.inventory.gateways.delete({ id: gateway.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await exists("Gateway", gateway.id)).toBe(true);

    await root.admin.tariffs.decks.delete({ id: gatewayDeck.id });
    await root.admin.inventory.gateways.delete({ id: gateway.id });
    expect(await exists("Gateway", gateway.id)).toBe(false);

    await root.admin.tariffs.decks.create({ name: unique("Provider deck"), kind: "buy", ownerType: "provider", ownerId: provider.id });
    await expect(root.admin.inventory.providers.delete({ id: provider.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await exists("Provider", provider.id)).toBe(true);

    await root.admin.tariffs.decks.delete({ id: planDeck.id });
    await root.admin.plans.delete({ id: plan.id });
    expect(await exists("Plan", plan.id)).toBe(false);
  });
});
