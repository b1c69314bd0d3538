import { z } from "zod";
import {
  ExplainInput,
  RecommendedRules,
  RecomputeInput,
  RecomputeProgress,
  ScoreDistribution,
  ScoreExplanation,
  ScoringRuleCreateInput,
  ScoringRuleId,
  ScoringRuleOutput,
  ScoringRuleReorderInput,
  ScoringRuleToggleInput,
  ScoringRuleUpdateInput,
} from "@/lib/schemas/scoring";
import { recommendedRules } from "@/lib/scoring/recommended-rules";
import { router } from "@/server/trpc/init";
import { roleProcedure, tenantProcedure } from "@/server/trpc/tenant-procedure";
import { applyRecommendedRules } from "@/server/services/scoring/apply-recommended-rules";
import { explainScore } from "@/server/services/scoring/explain-score";
import { rescoreAllLeads } from "@/server/services/scoring/rescore-all-leads";
import { createRule, deleteRule, listRules, reorderRules, toggleRule, updateRule } from "@/server/services/scoring/rule-mutations";
import { scoreDistribution } from "@/server/services/scoring/score-distribution";

// Any member reads the rules (reps need them to understand a score); owners and admins change them.
const ruleAdminProcedure = roleProcedure("admin");

const rulesRouter = router({
  list: tenantProcedure.output(z.array(ScoringRuleOutput)).query(({ ctx }) => listRules(ctx.db)),
  create: ruleAdminProcedure
    .input(ScoringRuleCreateInput)
    .output(ScoringRuleOutput)
    .mutation(({ ctx, input }) => createRule(ctx.db, input, ctx.audit)),
  update: ruleAdminProcedure
    .input(ScoringRuleUpdateInput)
    .output(ScoringRuleOutput)
    .mutation(({ ctx, input }) => updateRule(ctx.db, input.id, input.data, ctx.audit)),
  toggle: ruleAdminProcedure
    .input(ScoringRuleToggleInput)
    .output(ScoringRuleOutput)
    .mutation(({ ctx, input }) => toggleRule(ctx.db, input.id, input.enabled, ctx.audit)),
  delete: ruleAdminProcedure
    .input(ScoringRuleId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteRule(ctx.db, input.id, ctx.audit)),
  reorder: ruleAdminProcedure
    .input(ScoringRuleReorderInput)
    .output(z.array(ScoringRuleOutput))
    .mutation(({ ctx, input }) => reorderRules(ctx.db, input.ids, ctx.audit)),
});

export const scoringRouter = router({
  rules: rulesRouter,
  recommended: tenantProcedure.output(RecommendedRules).query(async ({ ctx }) => ({
    rules: recommendedRules(ctx.locale),
    tenantHasRules: (await ctx.db.scoringRule.count()) > 0,
  })),
  applyRecommended: ruleAdminProcedure.output(z.object({ created: z.number().int() })).mutation(async ({ ctx }) => {
    const result = await applyRecommendedRules(ctx.db, ctx.locale);
    await ctx.audit({ action: "scoring_rule.apply_recommended", objectType: "scoring_rule", after: result });
    return result;
  }),
  recompute: ruleAdminProcedure
    .input(RecomputeInput)
    .output(RecomputeProgress)
    .mutation(({ ctx, input }) => rescoreAllLeads(ctx.db, { cursor: input.cursor })),
  distribution: tenantProcedure.output(ScoreDistribution).query(({ ctx }) => scoreDistribution(ctx.db, ctx.crm)),
  explain: tenantProcedure
    .input(ExplainInput)
    .output(ScoreExplanation)
    .query(({ ctx, input }) => explainScore(ctx.db, ctx.crm, input.leadId)),
});
