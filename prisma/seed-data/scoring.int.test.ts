import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { PrismaClient } from "../generated/client";
import { makeWorkspace } from "../../server/routers/settings/settings-fixtures";
import { insertLeads, leadScores } from "../../server/services/scoring/scoring-fixtures";
import { ownerQuery } from "../../server/testing/owner-db";
import { seedScoring } from "./scoring";

describe("seedScoring", () => {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("ownerUrl") }) });
  afterAll(() => db.$disconnect());

  const seed = (tenantId: string) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL ROLE linha_admin`;
      await seedScoring(tx, tenantId, []);
    });

  it("creates the recommended pt-BR rules once and scores only that tenant's leads", async () => {
    const a = (await makeWorkspace()).tenant;
    const b = (await makeWorkspace()).tenant;
    const [lead] = await insertLeads(a.id, [{ cnpj: "11222333000181", email: "compras@fabrica.com.br", lastContactAt: new Date() }]);
    const [foreign] = await insertLeads(b.id, [{ cnpj: "11222333000181", score: 3 }]);

    await seed(a.id);
    await seed(a.id);
    const rules = await ownerQuery<{ name: string }>(`SELECT name FROM "ScoringRule" WHERE "tenantId" = $1 ORDER BY position`, [a.id]);
    expect(rules).toHaveLength(11);
    expect(rules[0]!.name).toBe("Empresa com 50+ funcionários");
    expect(await ownerQuery(`SELECT 1 FROM "ScoringRule" WHERE "tenantId" = $1`, [b.id])).toHaveLength(0);

    const scores = await leadScores([lead!, foreign!]);
    expect(scores.get(lead!)).toMatchObject({
      score: 20,
      scoreDetails: [
        expect.objectContaining({ name: "Tem CNPJ", points: 10 }),
        expect.objectContaining({ name: "E-mail corporativo", points: 10 }),
      ],
    });
    expect(scores.get(foreign!)).toMatchObject({ score: 3, scoredAt: null });
  });
});
