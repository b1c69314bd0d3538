import { describe, expect, it } from "vitest";
import type { LeadImportField } from "@/lib/schemas/lead-import";
import { ownerDirectoryOf } from "./owner-directory";
import { parseLeadRow } from "./parse-lead-row";

const header = ["Nome", "Empresa", "E-mail", "Telefone", "CNPJ", "Origem", "Status", "Etiquetas", "Funcionários", "Obs", "Responsável"];
const mapping: LeadImportField[] = ["name", "company", "email", "phone", "cnpj", "source", "status", "tags", "employees", "notes", "owner"];
const owners = ownerDirectoryOf([
  { id: "m-ana", name: "Ana Souza", email: "ana@acme.test" },
  { id: "m-rui", name: "Rui Barbosa", email: "rui@acme.test" },
  { id: "m-rui2", name: "Rui Barbosa", email: "rui2@acme.test" },
]);

function row(values: Partial<Record<LeadImportField, string>>, line = 7) {
  return { line, fields: mapping.map((f) => values[f] ?? "") };
}
const parse = (values: Partial<Record<LeadImportField, string>>, extra: string[] = []) => {
  const r = row(values);
  return parseLeadRow({ ...r, fields: [...r.fields, ...extra] }, { header, mapping, owners });
};
const reasons = (values: Partial<Record<LeadImportField, string>>) => {
  const result = parse(values);
  if (result.ok) throw new Error("expected a bad row");
  return result.error.problems.map((p) => `${p.field}: ${p.reason}`);
};

describe("parseLeadRow", () => {
  it("normalizes a good row like the lead form does", () => {
    const result = parse({
      name: " Maria Silva ",
      company: "Padaria Pão Quente",
      email: "Maria@PaoQuente.com.br",
      phone: "(11) 98765-4321",
      cnpj: "11.222.333/0001-81",
      source: "Indicação",
      status: "qualificado",
      tags: "VIP, varejo; vip",
      employees: "1.200",
      notes: "cliente antigo",
      owner: "ANA@acme.test",
    });
    expect(result).toEqual({
      ok: true,
      row: {
        line: 7,
        data: {
          name: "Maria Silva",
          company: "Padaria Pão Quente",
          email: "maria@paoquente.com.br",
          phone: "+5511987654321",
          cnpj: "11222333000181",
          source: "referral",
          status: "qualified",
          tags: ["vip", "varejo"],
          employees: 1200,
          notes: "cliente antigo",
          ownerId: "m-ana",
        },
        keys: { email: "maria@paoquente.com.br", phone: "+5511987654321", cnpj: "11222333000181" },
      },
    });
  });

  it("reads sources and statuses in either language or as enum values", () => {
    for (const [source, expected] of [
      ["Ligação recebida", "inbound_call"],
      ["inbound call", "inbound_call"],
      ["INBOUND_CALL", "inbound_call"],
      ["Site", "website"],
      ["Prospecção", "outbound"],
    ]) {
      const result = parse({ name: "X", source });
      expect(result.ok && result.row.data.source, source).toBe(expected);
    }
    const result = parse({ name: "X", status: "Customer" });
    expect(result.ok && result.row.data.status).toBe("customer");
  });

  it("leaves empty optional cells empty and the owner undecided", () => {
    const result = parse({ name: "Só o nome" });
    expect(result.ok && result.row.data).toEqual({
      name: "Só o nome",
      company: null,
      email: null,
      phone: null,
      cnpj: null,
      source: undefined,
      status: undefined,
      tags: [],
      employees: null,
      notes: null,
      ownerId: undefined,
    });
  });

  it("reports every bad field of the line with the value typed", () => {
    expect(reasons({ name: "", phone: "12345", email: "maria@", cnpj: "11.222.333/0001-82", source: "tv" })).toEqual([
      "name: leadImport.reason.required.name",
      "email: leadImport.reason.invalid.email?value=maria%40",
      "phone: leadImport.reason.invalid.phone?value=12345",
      "cnpj: leadImport.reason.invalid.cnpj?value=11.222.333%2F0001-82",
      "source: leadImport.reason.invalid.source?value=tv",
    ]);
  });

  it.each([
    [{ name: "N".repeat(121) }, "name: leadImport.reason.tooLong.name?max=120&value=" + encodeURIComponent("N".repeat(39) + "…")],
    [{ name: "X", status: "quente" }, "status: leadImport.reason.invalid.status?value=quente"],
    [{ name: "X", employees: "muitos" }, "employees: leadImport.reason.invalid.employees?value=muitos"],
    [{ name: "X", employees: "12,5" }, "employees: leadImport.reason.invalid.employees?value=12%2C5"],
    [{ name: "X", tags: "ok, b2b.saas" }, "tags: leadImport.reason.invalid.tags?value=b2b.saas"],
    [{ name: "X", tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(",") }, "tags: leadImport.reason.tooMany.tags?max=20"],
    [{ name: "X", owner: "Zé Ninguém" }, "owner: leadImport.reason.unknownOwner?value=Z%C3%A9+Ningu%C3%A9m"],
    [{ name: "X", owner: "rui barbosa" }, "owner: leadImport.reason.ambiguousOwner?value=rui+barbosa"],
  ])("rejects %j", (values, reason) => {
    expect(reasons(values)).toEqual([reason]);
  });

  it("resolves an owner by name when only one member has it", () => {
    const result = parse({ name: "X", owner: "ana souza" });
    expect(result.ok && result.row.data.ownerId).toBe("m-ana");
  });

  it("does not read the owner column when owners do not apply", () => {
    const result = parseLeadRow(row({ name: "X", owner: "Zé Ninguém" }), { header, mapping, owners: null });
    expect(result.ok && result.row.data.ownerId).toBeUndefined();
  });

  it("tolerates missing trailing cells and empty extra cells, not extra values", () => {
    expect(parseLeadRow({ line: 3, fields: ["Ana"] }, { header, mapping, owners }).ok).toBe(true);
    expect(parse({ name: "Ana" }, ["", " "]).ok).toBe(true);
    const result = parse({ name: "Ana" }, ["sobrou"]);
    expect(!result.ok && result.error.problems).toEqual([{ field: "row", reason: "leadImport.reason.columns?found=12&expected=11" }]);
  });
});
