import { z } from "zod";

/** One rule's share of a lead's score, as stored on Lead.scoreDetails and shown on the lead page. */
export const ScoreContribution = z.object({ ruleId: z.string(), name: z.string(), points: z.number().int() });
export type ScoreContribution = z.infer<typeof ScoreContribution>;
export const ScoreDetails = z.array(ScoreContribution);
