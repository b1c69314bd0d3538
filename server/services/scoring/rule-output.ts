import { ScoringCondition, type ScoringRuleOutput } from "@/lib/schemas/scoring";
import { AppError } from "@/server/errors";

export const ruleSelect = { id: true, name: true, points: true, condition: true, enabled: true, position: true, updatedAt: true } as const;

type RuleRow = { id: string; name: string; points: number; condition: unknown; enabled: boolean; position: number; updatedAt: Date };

export function toRuleOutput(row: RuleRow): ScoringRuleOutput {
  return { ...row, condition: ScoringCondition.parse(row.condition) };
}

export const ruleNotFound = () => new AppError("NOT_FOUND", "scoring.errors.rule_not_found");
export const ruleNameTaken = () =>
  new AppError("CONFLICT", "scoring.errors.name_taken", { fieldErrors: { name: ["scoring.errors.name_taken"] } });
