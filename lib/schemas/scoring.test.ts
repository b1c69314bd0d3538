import { describe, expect, it } from "vitest";
import { ScoringCondition, ScoringRuleFields } from "./scoring";

const issues = (input: unknown) => {
  const result = ScoringRuleFields.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("scoring rule schema", () => {
  it("accepts a field rule and keeps its points", () => {
    expect(ScoringRuleFields.parse({ name: " Tem CNPJ ", points: 10, condition: { type: "has_cnpj" } })).toEqual({
      name: "Tem CNPJ",
      points: 10,
      condition: { type: "has_cnpj" },
      enabled: true,
    });
  });

  it("stores a decay rule's cap as its points, whether points were sent or not", () => {
    const condition = { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 };
    expect(ScoringRuleFields.parse({ name: "Sem contato", condition }).points).toBe(-30);
    expect(ScoringRuleFields.parse({ name: "Sem contato", points: null, condition }).points).toBe(-30);
    const parsed = ScoringRuleFields.parse({
      name: "Sem contato",
      points: 99,
      condition: { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 },
    });
    expect(parsed.points).toBe(-30);
  });

  it("reports bad parameters by field, all at once", () => {
    expect(issues({ name: "", points: 0, condition: { type: "employees_at_least", min: 0 } })).toEqual({
      name: "errors.required",
      points: "scoring.errors.points_nonzero",
      "condition.min": "scoring.errors.range?min=1&max=1000000",
    });
    expect(issues({ name: "x", points: 0, condition: { type: "has_cnpj" } })).toEqual({ points: "scoring.errors.points_nonzero" });
    expect(issues({ name: "x", points: 1001, condition: { type: "has_cnpj" } })).toEqual({
      points: "scoring.errors.range?min=-1000&max=1000",
    });
    expect(issues({ name: "x", points: 1.5, condition: { type: "has_cnpj" } })).toEqual({ points: "scoring.errors.integer" });
    expect(issues({ name: "x", condition: { type: "has_cnpj" } })).toEqual({ points: "errors.required" });
    expect(issues({ name: "x", points: null, condition: { type: "has_cnpj" } })).toEqual({ points: "errors.required" });
    expect(issues({ name: "x", points: Number.NaN, condition: { type: "has_cnpj" } })).toEqual({ points: "errors.required" });
    expect(issues({ name: "x", points: 5, condition: { type: "source_in", sources: [] } })).toEqual({
      "condition.sources": "scoring.errors.pick_one",
    });
    expect(issues({ name: "x", condition: { type: "days_since_contact", afterDays: -1, pointsPerDay: 2, maxPoints: Number.NaN } })).toEqual(
      {
        "condition.afterDays": "scoring.errors.range?min=0&max=3650",
        "condition.pointsPerDay": "scoring.errors.range?min=-1000&max=-1",
        "condition.maxPoints": "errors.required",
      },
    );
    expect(issues({ name: "x", points: 5, condition: { type: "nope" } })).toEqual({ "condition.type": "errors.invalid_option" });
  });

  it("normalizes tags and drops duplicates", () => {
    expect(ScoringCondition.parse({ type: "tag_any", tags: [" VIP ", "vip", "Feira"] })).toEqual({
      type: "tag_any",
      tags: ["vip", "feira"],
    });
    expect(ScoringCondition.parse({ type: "source_in", sources: ["website", "website"] })).toEqual({
      type: "source_in",
      sources: ["website"],
    });
  });
});
