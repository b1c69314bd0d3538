import { describe, expect, it } from "vitest";
import { knownPlanFeatures, PlanCreateInput, PlanUpdateInput, plansMessage } from "./plan";

const ID = "0190a4b2-7c3e-7000-8000-000000000000";
const VALID = {
  code: "pro",
  name: "Pro",
  monthlyPrice: "599,00",
  maxUsers: "25",
  maxExtensions: 25,
  maxDids: "10",
  maxConcurrentCalls: "10",
};

function fieldIssues(input: unknown): Record<string, string[]> {
  const result = PlanCreateInput.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("PlanCreateInput", () => {
  it("normalizes a form's text into the stored shape", () => {
    expect(PlanCreateInput.parse({ ...VALID, code: " Pro-Anual ", features: ["api_access", "monitoring", "api_access"] })).toEqual({
      code: "pro-anual",
      name: "Pro",
      monthlyPrice: "599.00",
      maxUsers: 25,
      maxExtensions: 25,
      maxDids: 10,
      maxConcurrentCalls: 10,
      features: ["monitoring", "api_access"],
    });
    expect(PlanCreateInput.parse(VALID).features).toEqual([]);
  });

  it.each([
    ["code", "pro plus", "plans.errors.code_invalid"],
    ["code", "pro_plus", "plans.errors.code_invalid"],
    ["code", "-pro", "plans.errors.code_invalid"],
    ["code", "pro--x", "plans.errors.code_invalid"],
    ["code", "p", "errors.too_short?min=2"],
    ["code", "p".repeat(41), "errors.too_long?max=40"],
    ["name", "", "errors.required"],
    ["monthlyPrice", "", "errors.required"],
    ["monthlyPrice", "-1", "plans.errors.price_invalid"],
    ["monthlyPrice", "1,2,3", "plans.errors.price_invalid"],
    ["maxUsers", "0", "plans.errors.limit_min?min=1"],
    ["maxUsers", "", "errors.required"],
    ["maxExtensions", "-1", "plans.errors.limit_min?min=0"],
    ["maxDids", "2.5", "plans.errors.limit_integer"],
    ["maxDids", 2.5, "plans.errors.limit_integer"],
    ["maxConcurrentCalls", "1000001", "plans.errors.limit_max?max=1000000"],
    ["maxConcurrentCalls", "1e3", "plans.errors.limit_integer"],
  ])("%s = %j → %s", (field, value, message) => {
    expect(fieldIssues({ ...VALID, [field]: value })[field]).toEqual([message]);
  });

  it("refuses feature strings outside the closed list", () => {
    expect(fieldIssues({ ...VALID, features: ["monitoring", "crm"] })).toEqual({ "features.1": ["plans.errors.feature_unknown"] });
  });
});

describe("PlanUpdateInput", () => {
  it("leaves out what was not sent (features are not reset) and refuses a code", () => {
    expect(PlanUpdateInput.parse({ id: ID, data: { name: "Novo" } })).toEqual({ id: ID, data: { name: "Novo" } });
    const result = PlanUpdateInput.safeParse({ id: ID, data: { code: "outro" } });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["plans.errors.code_immutable"]);
  });
});

describe("knownPlanFeatures / plansMessage", () => {
  it("keeps known flags in catalogue order and drops the rest", () => {
    expect(knownPlanFeatures(["api", "crm", "api_access", "recording", "call_recording"])).toEqual(["call_recording", "api_access"]);
  });

  it("encodes parameters like messageKey", () => {
    expect(plansMessage("plans.errors.limit_below_usage", { usage: "Acme & Cia (acme): 4" })).toBe(
      "plans.errors.limit_below_usage?usage=Acme+%26+Cia+%28acme%29%3A+4",
    );
  });
});
