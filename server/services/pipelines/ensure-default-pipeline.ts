import type { TenantDb } from "@/server/db";
import { DEFAULT_PIPELINE_NAME, DEFAULT_STAGES } from "./default-stages";

/**
 * Every tenant has at least one pipeline: the first read of a tenant without any creates "Vendas"
 * with the default stages. Two first reads at once are serialized by a transaction-scoped advisory
 * lock (keyed by the tenant), so the second finds the first's pipeline instead of a unique violation
 * that would abort its transaction.
 */
export async function ensureDefaultPipeline(db: TenantDb): Promise<void> {
  if ((await db.pipeline.count()) > 0) return;
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('linha.default-pipeline:' || current_setting('app.tenant_id', true)))`;
  if ((await db.pipeline.count()) > 0) return;
  await db.pipeline.create({
    data: {
      name: DEFAULT_PIPELINE_NAME,
      position: 0,
      stages: { create: DEFAULT_STAGES.map((stage, position) => ({ ...stage, position })) },
    },
  });
}
