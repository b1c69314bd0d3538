import { describe, expect, it } from "vitest";
import { getDictionary, translate, type MessageKey, type Params } from "@/lib/i18n";
import { describeCondition, signedPoints } from "./condition-summary";
import { scoreBand } from "./score-band";

const pt = (key: MessageKey, params?: Params) => translate(getDictionary("pt-BR"), key, params);
const en = (key: MessageKey, params?: Params) => translate(getDictionary("en"), key, params);

describe("condition summaries", () => {
  it("reads like the brief's examples", () => {
    expect(describeCondition(pt, { type: "employees_at_least", min: 50 })).toBe("Empresa com 50+ funcionários");
    expect(describeCondition(pt, { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 })).toBe(
      "Sem contato há mais de 14 dias: −2/dia, até −30",
    );
    expect(describeCondition(en, { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 })).toBe(
      "No contact for over 14 days: −2/day, down to −30",
    );
  });

  it("names every option in the reader's language", () => {
    expect(describeCondition(pt, { type: "source_in", sources: ["referral", "partner"] })).toMatch(/^Origem: .+ ou .+$/);
    expect(describeCondition(pt, { type: "answered_call", withinDays: 30 })).toBe("Atendeu uma ligação nos últimos 30 dias");
    expect(describeCondition(pt, { type: "answered_call" })).toBe("Atendeu uma ligação");
    expect(describeCondition(en, { type: "tag_any", tags: ["vip", "fair"] })).toBe("Tagged “vip” or “fair”");
    expect(describeCondition(en, { type: "has_cnpj" })).toBe("Has a CNPJ");
  });

  it("signs points and bands scores", () => {
    expect([signedPoints(15), signedPoints(-2), signedPoints(0)]).toEqual(["+15", "−2", "0"]);
    expect([scoreBand(0), scoreBand(39), scoreBand(40), scoreBand(69), scoreBand(70), scoreBand(250)]).toEqual([
      "cold",
      "cold",
      "warm",
      "warm",
      "hot",
      "hot",
    ]);
  });
});
