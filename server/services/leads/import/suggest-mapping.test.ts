import { describe, expect, it } from "vitest";
import { suggestLeadMapping } from "./suggest-mapping";

describe("suggestLeadMapping", () => {
  it.each([
    [
      ["Nome", "Empresa", "E-mail", "Telefone", "CNPJ"],
      ["name", "company", "email", "phone", "cnpj"],
    ],
    [
      ["name", "company", "email", "phone", "source", "status"],
      ["name", "company", "email", "phone", "source", "status"],
    ],
    [["Celular"], ["phone"]],
    [["WhatsApp"], ["phone"]],
    [
      ["Origem", "Etiquetas", "Funcionários", "Observações", "Responsável"],
      ["source", "tags", "employees", "notes", "owner"],
    ],
    [
      ["Notas", "Tags", "Employees", "Owner"],
      ["notes", "tags", "employees", "owner"],
    ],
    [
      [" NOME ", "e mail", "Nº de funcionários"],
      ["name", "email", "employees"],
    ],
  ])("maps %j", (header, expected) => {
    expect(suggestLeadMapping(header)).toEqual(expected);
  });

  it("gives a field to the first column that names it and ignores unknown columns", () => {
    expect(suggestLeadMapping(["Telefone", "Celular", "Aniversário", "Nome"])).toEqual(["phone", null, null, "name"]);
  });

  it("maps nothing when nothing is recognized", () => {
    expect(suggestLeadMapping(["a", "b", ""])).toEqual([null, null, null]);
  });
});
