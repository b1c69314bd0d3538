import { describe, expect, it } from "vitest";
import type { ScoringCondition } from "@/lib/schemas/scoring";
import { behaviourNeeds, rulePoints, scoreLead, type LeadFacts, type ScoringRuleDef } from "./score-lead";

// Noon in São Paulo (15:00 UTC) on 2026-03-20.
const NOW = new Date("2026-03-20T15:00:00Z");
const daysAgo = (days: number, hourUtc = 15) => new Date(Date.UTC(2026, 2, 20 - days, hourUtc));

const base: LeadFacts = {
  cnpj: null,
  email: null,
  phone: null,
  source: "other",
  status: "new",
  tags: [],
  employees: null,
  createdAt: daysAgo(1),
  lastContactAt: null,
  lastAnsweredCallAt: null,
  lastProposalViewedAt: null,
};
const lead = (over: Partial<LeadFacts> = {}): LeadFacts => ({ ...base, ...over });
let seq = 0;
const rule = (condition: ScoringCondition, points = 10, over: Partial<ScoringRuleDef> = {}): ScoringRuleDef => ({
  id: `r${++seq}`,
  name: `rule ${seq}`,
  points,
  condition,
  ...over,
});
const points = (facts: Partial<LeadFacts>, condition: ScoringCondition, pts = 10) => rulePoints(lead(facts), rule(condition, pts), NOW);

describe("field conditions", () => {
  it.each([
    [null, 0],
    [49, 0],
    [50, 10],
    [5000, 10],
  ])("employees_at_least 50 with %s employees gives %i", (employees, expected) => {
    expect(points({ employees }, { type: "employees_at_least", min: 50 })).toBe(expected);
  });

  it("source_in and status_in match any listed value", () => {
    const sources: ScoringCondition = { type: "source_in", sources: ["referral", "partner"] };
    expect(points({ source: "partner" }, sources)).toBe(10);
    expect(points({ source: "website" }, sources)).toBe(0);
    const statuses: ScoringCondition = { type: "status_in", statuses: ["unqualified"] };
    expect(points({ status: "unqualified" }, statuses, -40)).toBe(-40);
    expect(points({ status: "qualified" }, statuses, -40)).toBe(0);
  });

  it("has_cnpj, has_email and has_phone test presence", () => {
    expect(points({ cnpj: "11222333000181" }, { type: "has_cnpj" })).toBe(10);
    expect(points({ cnpj: null }, { type: "has_cnpj" })).toBe(0);
    expect(points({ email: "a@b.com" }, { type: "has_email" })).toBe(10);
    expect(points({ email: "" }, { type: "has_email" })).toBe(0);
    expect(points({ phone: "+5511987654321" }, { type: "has_phone" })).toBe(10);
    expect(points({}, { type: "has_phone" })).toBe(0);
  });

  it("tag_any matches any tag, whatever the case", () => {
    const c: ScoringCondition = { type: "tag_any", tags: ["vip", "evento-2026"] };
    expect(points({ tags: ["outro", "VIP"] }, c)).toBe(10);
    expect(points({ tags: ["outro"] }, c)).toBe(0);
    expect(points({ tags: [] }, c)).toBe(0);
  });
});

describe("free-mail detection", () => {
  const free: ScoringCondition = { type: "email_domain_free" };
  const corporate: ScoringCondition = { type: "email_domain_not_free" };

  it.each([
    ["ana@gmail.com", true],
    ["ANA@Hotmail.COM", true],
    ["joao@bol.com.br", true],
    ["joao@uol.com.br", true],
    ["x@yahoo.com.br", true],
    ["x@terra.com.br", true],
    ["x@ig.com.br", true],
    ["x@icloud.com", true],
    ["x@mail.yahoo.com.br", true],
    ["x@sub.outlook.com", true],
    ["x@gmail.com.", true],
    ["compras@acme.com.br", false],
    ["x@notgmail.com", false],
    ["x@gmail.company.com", false],
    ["x@uol.com.br.example.com", false],
  ])("%s is free mail: %s", (email, isFree) => {
    expect(points({ email }, free)).toBe(isFree ? 10 : 0);
    expect(points({ email }, corporate)).toBe(isFree ? 0 : 10);
  });

  it("a lead without e-mail is neither free nor corporate", () => {
    expect(points({ email: null }, free)).toBe(0);
    expect(points({ email: null }, corporate)).toBe(0);
    expect(points({ email: "no-at-sign" }, corporate)).toBe(0);
  });
});

describe("behaviour conditions", () => {
  it("answered_call without a window counts any answered call", () => {
    expect(points({ lastAnsweredCallAt: daysAgo(400) }, { type: "answered_call" }, 20)).toBe(20);
    expect(points({ lastAnsweredCallAt: null }, { type: "answered_call" }, 20)).toBe(0);
  });

  it("withinDays counts calendar days in São Paulo, today included", () => {
    const c: ScoringCondition = { type: "answered_call", withinDays: 7 };
    expect(points({ lastAnsweredCallAt: daysAgo(0) }, c)).toBe(10);
    expect(points({ lastAnsweredCallAt: daysAgo(6) }, c)).toBe(10);
    expect(points({ lastAnsweredCallAt: daysAgo(7) }, c)).toBe(0);
    // 02:00 UTC on the 14th is still the 13th in São Paulo (UTC−3): 7 calendar days ago.
    expect(points({ lastAnsweredCallAt: new Date("2026-03-14T02:00:00Z") }, c)).toBe(0);
    expect(points({ lastAnsweredCallAt: new Date("2026-03-14T03:00:00Z") }, c)).toBe(10);
  });

  it("proposal_viewed reads the last proposal view", () => {
    const c: ScoringCondition = { type: "proposal_viewed", withinDays: 14 };
    expect(points({ lastProposalViewedAt: daysAgo(13) }, c, 25)).toBe(25);
    expect(points({ lastProposalViewedAt: daysAgo(14) }, c, 25)).toBe(0);
    expect(points({ lastAnsweredCallAt: daysAgo(1) }, c, 25)).toBe(0);
  });
});

describe("decay (days_since_contact)", () => {
  const decay: ScoringCondition = { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 };

  it.each([
    [0, 0],
    [13, 0],
    [14, 0],
    [15, -2],
    [16, -4],
    [28, -28],
    [29, -30],
    [30, -30],
    [365, -30],
  ])("%i days after the last contact gives %i", (days, expected) => {
    expect(points({ lastContactAt: daysAgo(days), createdAt: daysAgo(900) }, decay, -30)).toBe(expected);
  });

  it("measures from createdAt when the lead was never contacted", () => {
    expect(points({ lastContactAt: null, createdAt: daysAgo(20) }, decay, -30)).toBe(-12);
    expect(points({ lastContactAt: daysAgo(2), createdAt: daysAgo(20) }, decay, -30)).toBe(0);
  });

  it("afterDays 0 decays from the very next day", () => {
    const c: ScoringCondition = { type: "days_since_contact", afterDays: 0, pointsPerDay: -5, maxPoints: -12 };
    expect(points({ lastContactAt: daysAgo(0) }, c, -12)).toBe(0);
    expect(points({ lastContactAt: daysAgo(1) }, c, -12)).toBe(-5);
    expect(points({ lastContactAt: daysAgo(3) }, c, -12)).toBe(-12);
  });

  it("changes at São Paulo midnight, not 24 hours after the contact", () => {
    const c: ScoringCondition = { type: "days_since_contact", afterDays: 0, pointsPerDay: -1, maxPoints: -10 };
    const contact = new Date("2026-03-19T23:00:00Z"); // 20:00 on the 19th in São Paulo
    expect(rulePoints(lead({ lastContactAt: contact }), rule(c, -10), new Date("2026-03-20T02:59:00Z"))).toBe(0);
    expect(rulePoints(lead({ lastContactAt: contact }), rule(c, -10), new Date("2026-03-20T03:00:00Z"))).toBe(-1);
  });
});

describe("scoreLead", () => {
  const rules = [
    rule({ type: "has_cnpj" }, 10, { id: "cnpj", name: "Tem CNPJ" }),
    rule({ type: "employees_at_least", min: 50 }, 15, { id: "big", name: "50+" }),
    rule({ type: "email_domain_free" }, -5, { id: "free", name: "Gratuito" }),
    rule({ type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 }, -30, { id: "decay", name: "Sem contato" }),
  ];

  it("sums the matching rules and lists them in rule order with signed points", () => {
    const result = scoreLead(lead({ cnpj: "11222333000181", employees: 80, email: "a@gmail.com", lastContactAt: daysAgo(17) }), rules, NOW);
    expect(result).toEqual({
      score: 14,
      contributions: [
        { ruleId: "cnpj", name: "Tem CNPJ", points: 10 },
        { ruleId: "big", name: "50+", points: 15 },
        { ruleId: "free", name: "Gratuito", points: -5 },
        { ruleId: "decay", name: "Sem contato", points: -6 },
      ],
    });
  });

  it("follows the order it is given", () => {
    const reversed = [...rules].reverse();
    const result = scoreLead(lead({ cnpj: "11222333000181", employees: 80 }), reversed, NOW);
    expect(result.contributions.map((c) => c.ruleId)).toEqual(["big", "cnpj"]);
  });

  it("skips disabled rules and lists no zero contributions", () => {
    const withDisabled = rules.map((r) => (r.id === "big" ? { ...r, enabled: false } : r));
    const result = scoreLead(lead({ cnpj: "11222333000181", employees: 80, email: "a@acme.com.br" }), withDisabled, NOW);
    expect(result).toEqual({ score: 10, contributions: [{ ruleId: "cnpj", name: "Tem CNPJ", points: 10 }] });
  });

  it("never goes below zero, but lists the negative contributions", () => {
    const result = scoreLead(lead({ email: "a@gmail.com", lastContactAt: daysAgo(100) }), rules, NOW);
    expect(result.score).toBe(0);
    expect(result.contributions.map((c) => c.points)).toEqual([-5, -30]);
  });

  it("has no maximum", () => {
    const many = Array.from({ length: 5 }, () => rule({ type: "has_phone" }, 1000));
    expect(scoreLead(lead({ phone: "+5511987654321" }), many, NOW).score).toBe(5000);
  });

  it("with no rules every lead scores 0", () => {
    expect(scoreLead(lead({ cnpj: "11222333000181" }), [], NOW)).toEqual({ score: 0, contributions: [] });
  });

  it("asks only for the behaviour facts enabled rules read", () => {
    expect(behaviourNeeds(rules)).toEqual({ answeredCall: false, proposalViewed: false });
    expect(behaviourNeeds([rule({ type: "answered_call" }), rule({ type: "proposal_viewed" }, 5, { enabled: false })])).toEqual({
      answeredCall: true,
      proposalViewed: false,
    });
  });
});
