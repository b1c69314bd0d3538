import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { InvoiceView } from "@/lib/schemas/billing";
import { renderInvoiceCsv } from "./render-invoice-csv";
import { invoiceFileName, renderInvoicePdf } from "./render-invoice-pdf";

const invoice: InvoiceView = {
  id: "0190a6f0-0000-7000-8000-000000000001",
  tenant: { id: "0190a6f0-0000-7000-8000-000000000002", slug: "acme", name: "Acme Comércio e Serviços Ltda 🚀", cnpj: "11222333000181" },
  month: "2026-03",
  number: "LIN-2026-000042",
  status: "issued",
  currency: "BRL",
  subtotalCents: 123_456n,
  taxCents: 6_173n,
  totalCents: 129_629n,
  unratableCalls: 0,
  generatedAt: new Date("2026-04-01T12:00:00Z"),
  issuedAt: new Date("2026-04-02T13:00:00Z"),
  dueAt: "2026-04-12",
  paidAt: null,
  voidedAt: null,
  voidReason: null,
  lines: [
    { position: 1, kind: "plan", description: "Pro", quantity: 31, billedSeconds: null, basisPoints: null, amountCents: 59_900n },
    { position: 2, kind: "did", description: "(11) 3000-0001", quantity: 12, billedSeconds: null, basisPoints: null, amountCents: 1_161n },
    {
      position: 3,
      kind: "usage",
      description: "Brasil Móvel São Paulo",
      quantity: 3,
      billedSeconds: 192n,
      basisPoints: null,
      amountCents: 62_395n,
    },
    { position: 4, kind: "usage", description: '=HYPERLINK("x")', quantity: 1, billedSeconds: 30n, basisPoints: null, amountCents: 0n },
    { position: 5, kind: "tax", description: "ISS", quantity: null, basisPoints: 500, billedSeconds: null, amountCents: 6_173n },
  ],
};

/** The text a PDF shows: pdf-lib writes Helvetica text as <hex> Tj in WinAnsi, in Flate-compressed streams. */
function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      content = match[1]!;
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g)) texts.push(Buffer.from(hex[1]!, "hex").toString("latin1"));
  }
  return texts.join("\n");
}

describe("renderInvoicePdf", () => {
  it("draws the operator, the customer with its CNPJ, number, dates, lines and totals, accents and R$ included", async () => {
    const pdf = await renderInvoicePdf(invoice, "pt-BR");
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Linha Telecom");
    // The emoji is not in WinAnsi: it becomes "?" instead of breaking the document.
    expect(text).toContain("Acme Comércio e Serviços Ltda ?");
    expect(text).toContain("CNPJ 11.222.333/0001-81");
    expect(text).toContain("Fatura LIN-2026-000042");
    expect(text).toContain("março de 2026");
    expect(text).toContain("02/04/2026");
    expect(text).toContain("12/04/2026");
    expect(text).toContain("Plano Pro");
    expect(text).toContain("Número (11) 3000-0001");
    expect(text).toContain("Brasil Móvel São Paulo");
    expect(text).toContain("3 chamadas · 3 min 12 s tarifados");
    expect(text).toContain("5%");
    expect(text).toContain("R$\u00a01.234,56");
    expect(text).toContain("R$\u00a01.296,29");
    expect(text).toContain("Página 1 de 1");
  });

  it("says DRAFT on a draft, in English", async () => {
    const text = pdfText(await renderInvoicePdf({ ...invoice, number: null, status: "draft", issuedAt: null, dueAt: null }, "en"));
    expect(text).toContain("DRAFT");
    expect(text).toContain("March 2026");
    expect(text).toContain("Draft: amounts may change until the invoice is issued.");
    expect(text).toContain("R$1,296.29");
  });

  it("runs onto more pages when the lines do not fit, numbering them", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({
      position: i + 1,
      kind: "usage" as const,
      description: `Destino ${i + 1}`,
      quantity: 1,
      billedSeconds: 60n,
      basisPoints: null,
      amountCents: 100n,
    }));
    const text = pdfText(await renderInvoicePdf({ ...invoice, lines }, "pt-BR"));
    expect(text).toContain("Destino 120");
    const pages = Number(/Página 1 de (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    // The totals block is not split: the subtotal and the total are on the last page.
    const lastPage = text.slice(text.indexOf(`Página ${pages - 1} de ${pages}`));
    expect(lastPage).toContain("Subtotal");
    expect(lastPage).toContain("Total");
  });
});

describe("renderInvoiceCsv", () => {
  it("has a row per line and the totals, ';'-separated, amounts with the language's decimal mark, formulas guarded", () => {
    const csv = renderInvoiceCsv(invoice, "pt-BR");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = csv.slice(1).trimEnd().split("\r\n");
    expect(rows).toHaveLength(1 + 5 + 2);
    expect(rows[0]).toBe(
      "Número;Cliente;CNPJ;Competência;Emissão;Vencimento;Tipo;Descrição;Quantidade;Segundos tarifados;Percentual;Valor (R$)",
    );
    const lead = "LIN-2026-000042;Acme Comércio e Serviços Ltda 🚀;11.222.333/0001-81;2026-03;2026-04-02;2026-04-12";
    expect(rows[1]).toBe(`${lead};Plano;Plano Pro;31;;;599,00`);
    expect(rows[3]).toBe(`${lead};Uso;Brasil Móvel São Paulo;3;192;;623,95`);
    expect(rows[4]).toBe(`${lead};Uso;"'=HYPERLINK(""x"")";1;30;;0,00`);
    expect(rows[5]).toBe(`${lead};Imposto;ISS;;;5%;61,73`);
    expect(rows[6]).toBe(`${lead};Subtotal;;;;;1234,56`);
    expect(rows[7]).toBe(`${lead};Total;;;;;1296,29`);
  });

  it("writes RASCUNHO / DRAFT for a draft and dots in English", () => {
    const draft = { ...invoice, number: null, status: "draft" as const, issuedAt: null, dueAt: null };
    expect(renderInvoiceCsv(draft, "pt-BR").split("\r\n")[1]).toMatch(/^RASCUNHO;/);
    const en = renderInvoiceCsv(draft, "en").split("\r\n");
    expect(en[1]).toMatch(/^DRAFT;.*;Plan;Plan Pro;31;;;599\.00$/);
  });
});

describe("invoiceFileName", () => {
  it("is ASCII and names the number, or the company and month of a draft", () => {
    expect(invoiceFileName(invoice, "pt-BR", "pdf")).toBe("fatura-LIN-2026-000042.pdf");
    expect(invoiceFileName({ ...invoice, number: null }, "en", "csv")).toBe("invoice-acme-2026-03-draft.csv");
  });
});
