import type { LeadImportField } from "@/lib/schemas/lead-import";

/** Lower-case, no accents, no punctuation or spaces: "E-mail" → "email", "Funcionários" → "funcionarios". */
export function foldHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

// Header names people actually use, in pt-BR and en, already folded. Order matters only between
// fields: a column takes the first field whose names include it.
const ALIASES: Record<LeadImportField, readonly string[]> = {
  name: ["nome", "name", "nomecompleto", "fullname", "contato", "contact", "nomedocontato", "contactname", "lead", "cliente"],
  company: [
    "empresa",
    "company",
    "companhia",
    "organizacao",
    "organization",
    "razaosocial",
    "nomefantasia",
    "companyname",
    "account",
    "conta",
  ],
  email: ["email", "mail", "correioeletronico", "enderecodeemail", "emailaddress"],
  phone: [
    "telefone",
    "celular",
    "phone",
    "whatsapp",
    "fone",
    "tel",
    "mobile",
    "telephone",
    "phonenumber",
    "numero",
    "contatotelefonico",
    "zap",
  ],
  cnpj: ["cnpj", "cnpjdaempresa"],
  source: ["origem", "source", "fonte", "canal", "leadsource", "origemdolead"],
  status: ["status", "situacao", "estado", "leadstatus"],
  tags: ["tags", "tag", "etiquetas", "etiqueta", "labels", "label", "marcadores"],
  employees: [
    "funcionarios",
    "employees",
    "numerodefuncionarios",
    "ndefuncionarios",
    "nodefuncionarios",
    "nfuncionarios",
    "qtdfuncionarios",
    "qtddefuncionarios",
    "quantidadedefuncionarios",
    "colaboradores",
    "headcount",
    "employeecount",
    "numberofemployees",
  ],
  notes: ["observacoes", "observacao", "obs", "notas", "nota", "notes", "note", "comentarios", "comments", "descricao", "description"],
  owner: [
    "responsavel",
    "owner",
    "vendedor",
    "vendedora",
    "proprietario",
    "dono",
    "assignedto",
    "rep",
    "salesrep",
    "representante",
    "leadowner",
  ],
};

const FIELD_BY_ALIAS = new Map<string, LeadImportField>(
  (Object.entries(ALIASES) as [LeadImportField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

/** One field per column (or null), each field used at most once: the first column that names it wins. */
export function suggestLeadMapping(header: readonly string[]): (LeadImportField | null)[] {
  const taken = new Set<LeadImportField>();
  return header.map((name) => {
    const field = FIELD_BY_ALIAS.get(foldHeader(name));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
