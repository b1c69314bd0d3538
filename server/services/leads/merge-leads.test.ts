import { describe, expect, it } from "vitest";
import { mergedLeadFields } from "./merge-leads";

const base = {
  name: "Maria Silva",
  company: null as string | null,
  cnpj: null as string | null,
  email: null as string | null,
  phone: null as string | null,
  source: "other" as const,
  status: "new" as const,
  ownerId: null as string | null,
  employees: null as number | null,
  tags: [] as string[],
  notes: null as string | null,
  lastContactAt: null as Date | null,
};

describe("mergedLeadFields", () => {
  it("keeps the kept lead's values and fills its empty ones from the merged lead", () => {
    const keep = { ...base, email: "maria@x.com", source: "other" as const, employees: null };
    const merge = { ...base, name: "Maria S.", email: "outra@x.com", phone: "+5511987654321", source: "event" as const, employees: 40 };
    expect(mergedLeadFields(keep, merge)?.data).toMatchObject({
      name: "Maria Silva",
      email: "maria@x.com",
      phone: "+5511987654321",
      source: "event",
      employees: 40,
    });
  });

  it("lets pick choose the merged lead's value, even an empty one", () => {
    const keep = { ...base, email: "maria@x.com", company: "Acme" };
    const merge = { ...base, name: "Maria S.", email: "outra@x.com" };
    expect(mergedLeadFields(keep, merge, { name: "merge", email: "merge", company: "merge" })?.data).toMatchObject({
      name: "Maria S.",
      email: "outra@x.com",
      company: null,
    });
  });

  it("unites tags, joins notes and takes the later last contact", () => {
    const keep = { ...base, tags: ["vip", "varejo"], notes: "primeira", lastContactAt: new Date("2026-01-02") };
    const merge = { ...base, tags: ["varejo", "sp"], notes: "segunda", lastContactAt: new Date("2026-03-04") };
    const merged = mergedLeadFields(keep, merge)!;
    expect(merged.data).toMatchObject({
      tags: ["vip", "varejo", "sp"],
      notes: "primeira\n\nsegunda",
      lastContactAt: new Date("2026-03-04"),
    });
    expect(merged.overflowNotes).toBeNull();
    expect(mergedLeadFields({ ...base, notes: "igual" }, { ...base, notes: " igual " })!.data.notes).toBe("igual");
  });

  it("keeps the merged notes apart when joining them would pass 2000 characters", () => {
    const merged = mergedLeadFields({ ...base, notes: "a".repeat(1500) }, { ...base, notes: "b".repeat(600) })!;
    expect(merged.data.notes).toBe("a".repeat(1500));
    expect(merged.overflowNotes).toBe("b".repeat(600));
  });

  it("refuses a tag union over 20", () => {
    const tags = (p: string) => Array.from({ length: 11 }, (_, i) => `${p}${i}`);
    expect(mergedLeadFields({ ...base, tags: tags("a") }, { ...base, tags: tags("b") })).toBeNull();
  });
});
