import { Prisma } from "@/prisma/generated/client";
import type { ScoringRuleData, ScoringRuleOutput } from "@/lib/schemas/scoring";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AuditEntry } from "@/server/services/audit/record-audit";
import { ruleNameTaken, ruleNotFound, ruleSelect, toRuleOutput } from "./rule-output";

type Audit = (entry: Omit<AuditEntry, "tenantId">) => Promise<void>;

// Rule changes do not rescore here: a tenant may have tens of thousands of leads, more than one
// request's transaction should hold. The settings page follows every change with the batched
// recompute (scoring.recompute), and API clients call it the same way.

export async function listRules(db: TenantDb): Promise<ScoringRuleOutput[]> {
  const rows = await db.scoringRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: ruleSelect });
  return rows.map(toRuleOutput);
}

async function withUniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Two admins saving the same name at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw ruleNameTaken();
    throw error;
  }
}

async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const clash = await db.scoringRule.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw ruleNameTaken();
}

const snapshot = (rule: ScoringRuleOutput) => ({ name: rule.name, points: rule.points, condition: rule.condition, enabled: rule.enabled });

export async function createRule(db: TenantDb, data: ScoringRuleData, audit: Audit): Promise<ScoringRuleOutput> {
  await assertNameFree(db, data.name);
  const last = await db.scoringRule.aggregate({ _max: { position: true } });
  const rule = toRuleOutput(
    await withUniqueName(() =>
      db.scoringRule.create({
        data: {
          name: data.name,
          points: data.points,
          condition: data.condition,
          enabled: data.enabled,
          position: (last._max.position ?? -1) + 1,
        },
        select: ruleSelect,
      }),
    ),
  );
  await audit({ action: "scoring_rule.create", objectType: "scoring_rule", objectId: rule.id, after: snapshot(rule) });
  return rule;
}

async function findRule(db: TenantDb, id: string): Promise<ScoringRuleOutput> {
  const row = await db.scoringRule.findUnique({ where: { id }, select: ruleSelect });
  if (!row) throw ruleNotFound();
  return toRuleOutput(row);
}

export async function updateRule(db: TenantDb, id: string, data: ScoringRuleData, audit: Audit): Promise<ScoringRuleOutput> {
  const before = await findRule(db, id);
  await assertNameFree(db, data.name, id);
  const after = toRuleOutput(
    await withUniqueName(() =>
      db.scoringRule.update({
        where: { id },
        data: { name: data.name, points: data.points, condition: data.condition, enabled: data.enabled },
        select: ruleSelect,
      }),
    ),
  );
  await audit({
    action: "scoring_rule.update",
    objectType: "scoring_rule",
    objectId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

export async function toggleRule(db: TenantDb, id: string, enabled: boolean, audit: Audit): Promise<ScoringRuleOutput> {
  const before = await findRule(db, id);
  if (before.enabled === enabled) return before;
  const after = toRuleOutput(await db.scoringRule.update({ where: { id }, data: { enabled }, select: ruleSelect }));
  await audit({
    action: enabled ? "scoring_rule.enable" : "scoring_rule.disable",
    objectType: "scoring_rule",
    objectId: id,
    before: { enabled: before.enabled },
    after: { enabled },
  });
  return after;
}

export async function deleteRule(db: TenantDb, id: string, audit: Audit): Promise<{ id: string }> {
  const before = await findRule(db, id);
  await db.scoringRule.delete({ where: { id } });
  await audit({ action: "scoring_rule.delete", objectType: "scoring_rule", objectId: id, before: snapshot(before) });
  return { id };
}

/** Sets the evaluation order; `ids` must name every rule of the tenant exactly once. */
export async function reorderRules(db: TenantDb, ids: readonly string[], audit: Audit): Promise<ScoringRuleOutput[]> {
  const current = await db.scoringRule.findMany({ select: { id: true, position: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const known = new Set(current.map((r) => r.id));
  if (ids.some((id) => !known.has(id))) throw ruleNotFound();
  if (ids.length !== known.size) throw new AppError("INVALID_INPUT", "scoring.errors.reorder_incomplete");
  for (const [position, id] of ids.entries()) {
    await db.scoringRule.updateMany({ where: { id, position: { not: position } }, data: { position } });
  }
  await audit({
    action: "scoring_rule.reorder",
    objectType: "scoring_rule",
    before: { order: current.map((r) => r.id) },
    after: { order: ids },
  });
  return listRules(db);
}
