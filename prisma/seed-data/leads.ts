import { generateCnpj } from "../../lib/cnpj";
import { createRandom, type Random } from "./random";

export type SeedLead = {
  name: string;
  company: string | null;
  cnpj: string | null;
  email: string | null;
  phone: string | null;
  source: "website" | "referral" | "outbound" | "event" | "inbound_call" | "partner" | "other";
  status: "new" | "contacted" | "qualified" | "unqualified" | "customer";
  notes: string | null;
  createdDaysAgo: number;
};

const MALE_FIRST_NAMES = [
  "João",
  "José",
  "Antônio",
  "Carlos",
  "Paulo",
  "Pedro",
  "Lucas",
  "Luiz",
  "Marcos",
  "Luís",
  "Gabriel",
  "Rafael",
  "Daniel",
  "Marcelo",
  "Bruno",
  "Eduardo",
  "Felipe",
  "Raimundo",
  "Rodrigo",
  "Fábio",
  "André",
  "Thiago",
  "Gustavo",
  "Sérgio",
  "Vinícius",
  "Cícero",
  "Otávio",
  "Rogério",
  "Caio",
  "Henrique",
  "Matheus",
  "Leonardo",
  "Júlio",
  "Ricardo",
  "Flávio",
  "Anderson",
  "Jefferson",
  "Márcio",
  "Wellington",
  "Joaquim",
] as const;

const FEMALE_FIRST_NAMES = [
  "Maria",
  "Ana",
  "Francisca",
  "Conceição",
  "Adriana",
  "Juliana",
  "Márcia",
  "Fernanda",
  "Patrícia",
  "Aline",
  "Sandra",
  "Camila",
  "Letícia",
  "Amanda",
  "Bruna",
  "Jéssica",
  "Luciana",
  "Vanessa",
  "Cláudia",
  "Simone",
  "Renata",
  "Beatriz",
  "Larissa",
  "Débora",
  "Tatiane",
  "Luana",
  "Mônica",
  "Natália",
  "Helena",
  "Viviane",
  "Raquel",
  "Priscila",
  "Sônia",
  "Isabela",
  "Rosângela",
  "Gabriela",
  "Lúcia",
  "Inês",
  "Vitória",
  "Cecília",
] as const;

const MALE_MIDDLE_NAMES = ["Carlos", "Eduardo", "Paulo", "Henrique", "Luiz", "Augusto", "Vítor", "Emanuel"] as const;
const FEMALE_MIDDLE_NAMES = ["Aparecida", "Cristina", "Helena", "Eduarda", "Luíza", "Clara", "Fernanda", "Júlia"] as const;

const SURNAMES = [
  "Silva",
  "Santos",
  "Oliveira",
  "Souza",
  "Rodrigues",
  "Ferreira",
  "Alves",
  "Pereira",
  "Lima",
  "Gomes",
  "Costa",
  "Ribeiro",
  "Martins",
  "Carvalho",
  "Almeida",
  "Lopes",
  "Soares",
  "Fernandes",
  "Vieira",
  "Barbosa",
  "Rocha",
  "Dias",
  "Nascimento",
  "Andrade",
  "Moreira",
  "Nunes",
  "Marques",
  "Machado",
  "Mendes",
  "Freitas",
  "Cardoso",
  "Ramos",
  "Gonçalves",
  "Santana",
  "Teixeira",
  "Araújo",
  "Conceição",
  "Falcão",
  "Magalhães",
  "Brandão",
  "Assunção",
  "Figueiredo",
  "Sampaio",
  "Guimarães",
  "Peixoto",
  "Cavalcanti",
  "Monteiro",
  "Nogueira",
  "Pinheiro",
  "Siqueira",
  "Damasceno",
  "Tavares",
  "Bezerra",
  "Medeiros",
  "Queiroz",
  "Azevedo",
  "Coelho",
  "Correia",
  "Brito",
  "Leão",
  "Romão",
  "Simões",
  "Estêvão",
  "Aragão",
  "Camargo",
  "Bittencourt",
  "Prado",
  "Toledo",
  "Xavier",
  "Rezende",
] as const;

const SECTORS = [
  "Logística",
  "Transportes",
  "Soluções",
  "Tecnologia",
  "Engenharia",
  "Construções",
  "Alimentos",
  "Distribuidora",
  "Comércio",
  "Serviços",
  "Consultoria",
  "Telecom",
  "Contabilidade",
  "Agronegócio",
  "Materiais Elétricos",
  "Embalagens",
  "Informática",
  "Saúde",
  "Educação",
  "Imóveis",
  "Metalúrgica",
  "Têxtil",
  "Móveis",
  "Seguros",
] as const;

const PLACES = [
  "Vale Verde",
  "Serra Azul",
  "Sol Nascente",
  "Boa Esperança",
  "Bela Vista",
  "Nova Aliança",
  "Santa Luzia",
  "São Francisco",
  "Monte Sião",
  "Rio Doce",
  "Três Marias",
  "Costa Dourada",
  "Mar Azul",
  "Ipê Amarelo",
  "Terra Nova",
  "Pedra Branca",
  "Campo Belo",
  "Lagoa Santa",
  "Estrela do Sul",
  "Porto Seguro",
  "Novo Horizonte",
  "Águia Dourada",
  "Primavera",
  "Aurora",
  "Jequitibá",
  "Paineiras",
  "Guarani",
  "Pantanal",
  "Cerrado",
  "Atlântico",
  "Planalto",
  "Itapuã",
] as const;

const BUSINESS_TYPES = [
  "Padaria",
  "Clínica",
  "Farmácia",
  "Auto Peças",
  "Construtora",
  "Transportadora",
  "Imobiliária",
  "Escritório Contábil",
  "Academia",
  "Restaurante",
  "Hotel",
  "Colégio",
  "Supermercado",
  "Ótica",
  "Laboratório",
  "Pet Shop",
] as const;

const BRAND_HEADS = [
  "Tecno",
  "Info",
  "Agro",
  "Multi",
  "Max",
  "Nova",
  "Brasil",
  "Sul",
  "Norte",
  "Inter",
  "Mega",
  "Prime",
  "Uni",
  "Eco",
  "Vita",
  "Lumi",
] as const;
const BRAND_TAILS = ["serv", "tel", "log", "net", "com", "tec", "sys", "mix", "link", "data", "med", "flex", "fort", "vale"] as const;

// Weighted by repetition. EIRELI was abolished in 2021 but still appears in older records.
const LEGAL_SUFFIXES = ["Ltda", "Ltda", "Ltda", "Ltda", "Ltda", "ME", "ME", "EPP", "EIRELI", "S.A.", ""] as const;

// Real DDDs across all regions, weighted by repetition toward the big business centres (SP, RJ, BH, capitals).
const DDDS = [
  "11",
  "11",
  "11",
  "11",
  "12",
  "13",
  "15",
  "16",
  "17",
  "19",
  "19",
  "21",
  "21",
  "22",
  "24",
  "27",
  "31",
  "31",
  "32",
  "34",
  "41",
  "41",
  "43",
  "44",
  "47",
  "48",
  "51",
  "51",
  "54",
  "61",
  "61",
  "62",
  "65",
  "67",
  "68",
  "69",
  "71",
  "71",
  "73",
  "79",
  "81",
  "81",
  "82",
  "83",
  "84",
  "85",
  "85",
  "86",
  "91",
  "92",
  "95",
  "96",
  "98",
] as const;

const PERSONAL_EMAIL_DOMAINS = ["uol.com.br", "bol.com.br", "terra.com.br", "ig.com.br", "yahoo.com.br"] as const;

const SOURCES = weighted<SeedLead["source"]>({
  website: 30,
  outbound: 20,
  referral: 15,
  inbound_call: 12,
  event: 10,
  partner: 8,
  other: 5,
});

const STATUSES = weighted<SeedLead["status"]>({
  new: 25,
  contacted: 30,
  qualified: 20,
  unqualified: 15,
  customer: 10,
});

const NOTES: readonly ((r: Random) => string)[] = [
  (r) => `Pediu proposta para ${r.pick([5, 10, 15, 20, 30, 50, 80])} ramais`,
  () => "Retornar após o feriado",
  () => "Cliente insatisfeito com a operadora atual",
  (r) => `Reunião agendada para ${r.pick(["segunda", "terça", "quarta", "quinta", "sexta"])}-feira às ${r.int(9, 17)}h`,
  () => "Quer integração com o WhatsApp",
  () => "Precisa de portabilidade dos números atuais",
  () => "Falar com o financeiro antes de fechar",
  (r) => `Tem ${r.int(2, 40)} atendentes no call center`,
  () => "Contrato com o concorrente vence em março",
  () => "Indicado por um cliente da carteira",
  () => "Pediu desconto para pagamento anual",
  () => "Não atende à tarde; ligar pela manhã",
  () => "Interessado em URA e gravação de chamadas",
  (r) => `Orçamento aprovado até R$ ${r.pick(["2.000", "5.000", "8.500", "12.000", "25.000"])} por mês`,
  () => "Solicitou demonstração para a diretoria",
  () => "Sem orçamento este ano",
  () => "Enviar material por e-mail",
  () => "Abrindo nova filial; avaliar mais ramais",
  () => "Visitou nosso estande na feira",
  () => "Decisor é o sócio; agendar nova conversa",
];

/** Expands `{ a: 2, b: 1 }` into `["a", "a", "b"]` so a uniform pick() becomes a weighted one. */
function weighted<T extends string>(weights: Record<T, number>): readonly T[] {
  return (Object.entries(weights) as [T, number][]).flatMap(([value, n]) => Array.from({ length: n }, () => value));
}

function asciiFold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function slug(s: string): string {
  return asciiFold(s).replace(/[^a-z0-9]/g, "");
}

function withSuffix(r: Random, base: string): string {
  const suffix = r.pick(LEGAL_SUFFIXES);
  return suffix ? `${base} ${suffix}` : base;
}

function companyName(r: Random): { company: string; domainBase: string } {
  switch (r.int(0, 5)) {
    case 0: {
      const base = `${r.pick(SURNAMES)} ${r.pick(SECTORS)}`;
      return { company: withSuffix(r, base), domainBase: base };
    }
    case 1: {
      const a = r.pick(SURNAMES);
      let b = r.pick(SURNAMES);
      if (b === a) b = r.pick(SURNAMES);
      const sector = r.pick(SECTORS);
      return { company: withSuffix(r, `${a} & ${b} ${sector}`), domainBase: `${a} ${b} ${sector}` };
    }
    case 2: {
      const base = `Grupo ${r.pick(PLACES)}`;
      return { company: base, domainBase: base };
    }
    case 3: {
      const base = `${r.pick(BUSINESS_TYPES)} ${r.pick(PLACES)}`;
      return { company: withSuffix(r, base), domainBase: base };
    }
    case 4: {
      const base = `${r.pick(BRAND_HEADS)}${r.pick(BRAND_TAILS)} ${r.pick(SECTORS)}`;
      return { company: withSuffix(r, base), domainBase: base };
    }
    default: {
      const base = `${r.pick(PLACES)} ${r.pick(SECTORS)}`;
      return { company: withSuffix(r, base), domainBase: base };
    }
  }
}

function digits(r: Random, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += r.int(0, 9);
  return s;
}

// Mobiles are 9 + 8 digits; landlines start with 2–5 (other first digits are invalid for fixed lines).
function brazilianPhone(r: Random): string {
  const ddd = r.pick(DDDS);
  const subscriber = r.next() < 0.75 ? `9${r.int(1, 9)}${digits(r, 7)}` : `${r.int(2, 5)}${digits(r, 7)}`;
  return `+55${ddd}${subscriber}`;
}

function personName(r: Random): { name: string; first: string; last: string } {
  const female = r.next() < 0.5;
  const first = r.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const parts: string[] = [first];
  if (r.next() < 0.2) parts.push(r.pick(female ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES));
  const middle = r.next() < 0.7 ? r.pick(SURNAMES) : null;
  if (middle) parts.push(middle);
  let last = r.pick(SURNAMES);
  while (last === middle) last = r.pick(SURNAMES); // "Daniel Coelho Coelho" is not a name
  parts.push(last);
  return { name: parts.join(" "), first, last };
}

function email(r: Random, first: string, last: string, domain: string): string {
  const f = slug(first);
  const l = slug(last);
  const local = r.pick([`${f}.${l}`, `${f}.${l}`, `${f[0]}${l}`, f, `${f}${l}`]);
  return `${local}@${domain}`;
}

function status(r: Random, createdDaysAgo: number): SeedLead["status"] {
  // Leads from the last few days haven't had time to be qualified or won.
  if (createdDaysAgo < 3) return r.next() < 0.7 ? "new" : "contacted";
  return r.pick(STATUSES);
}

// A handful of retries keeps values mostly distinct without ever looping forever.
function distinct(make: () => string, used: Set<string>): string {
  let value = make();
  for (let i = 0; i < 5 && used.has(value); i++) value = make();
  used.add(value);
  return value;
}

type Company = { name: string; cnpj: string | null; domain: string };

export function generateLeads(count: number, seed: number): SeedLead[] {
  const r = createRandom(seed);
  const usedNames = new Set<string>();
  const usedCnpjs = new Set<string>();
  // A company that does repeat keeps its CNPJ and domain, like several contacts at one firm.
  const companies = new Map<string, Company>();
  const leads: SeedLead[] = [];

  const companyFor = (): Company => {
    let made = companyName(r);
    for (let tries = 0; tries < 5 && companies.has(made.company); tries++) made = companyName(r);
    const existing = companies.get(made.company);
    if (existing) return existing;
    const cnpj = r.next() < 0.89 ? distinct(() => generateCnpj(r.next), usedCnpjs) : null;
    const company = { name: made.company, cnpj, domain: `${slug(made.domainBase).slice(0, 50)}.com.br` };
    companies.set(made.company, company);
    return company;
  };

  for (let i = 0; i < count; i++) {
    let person = personName(r);
    for (let tries = 0; tries < 5 && usedNames.has(person.name); tries++) person = personName(r);
    usedNames.add(person.name);
    const company = r.next() < 0.9 ? companyFor() : null;
    const domain = company ? company.domain : r.pick(PERSONAL_EMAIL_DOMAINS);
    const createdDaysAgo = r.int(0, 180);
    leads.push({
      name: person.name,
      company: company?.name ?? null,
      cnpj: company?.cnpj ?? null,
      email: r.next() < 0.9 ? email(r, person.first, person.last, domain) : null,
      phone: r.next() < 0.95 ? brazilianPhone(r) : null,
      source: r.pick(SOURCES),
      status: status(r, createdDaysAgo),
      notes: r.next() < 0.3 ? r.pick(NOTES)(r) : null,
      createdDaysAgo,
    });
  }
  return leads;
}
