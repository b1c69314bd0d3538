import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatCents } from "@/lib/billing/micros";
import { formatCnpj } from "@/lib/cnpj";
import { getDictionary, translate, type Locale, type MessageKey, type Params } from "@/lib/i18n";
import type { InvoiceLineView, InvoiceView } from "@/lib/schemas/billing";
import { formatBillingMonth, invoiceLineQuantity, invoiceLineTitle } from "@/lib/schemas/billing-invoices";
import { BILLING_TIME_ZONE } from "./billing-month";

// An invoice as an A4 PDF, drawn with pdf-lib's standard Helvetica: no font files to ship, and its
// WinAnsi encoding covers Portuguese (ã, ç, é, º…) and "R$". Characters outside it (an emoji in a
// company name) would make pdf-lib throw, so text is first reduced to what the font can draw.

export const INVOICE_OPERATOR_NAME = "Linha Telecom";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const LINE_HEIGHT = 16;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.42, 0.42, 0.47);
const RULE = rgb(0.85, 0.85, 0.88);
const STAMP = { draft: rgb(0.72, 0.45, 0.05), issued: INK, paid: rgb(0.09, 0.5, 0.27), void: rgb(0.75, 0.15, 0.15) } as const;

/** Text reduced to the font's character set: accents dropped when the accented letter is missing, else "?". */
function drawable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) =>
    [...text.replace(/[\r\n\t]+/g, " ")]
      .map((ch) => {
        if (supported.has(ch.codePointAt(0)!)) return ch;
        const plain = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        return plain.length > 0 && [...plain].every((c) => supported.has(c.codePointAt(0)!)) ? plain : "?";
      })
      .join("");
}

type Writer = {
  page: PDFPage;
  y: number;
  text: (
    value: string,
    x: number,
    options?: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; right?: boolean; maxWidth?: number },
  ) => void;
  rule: (y: number) => void;
};

export async function renderInvoicePdf(invoice: InvoiceView, locale: Locale): Promise<Uint8Array> {
  const dict = getDictionary(locale);
  const t = (key: MessageKey, params?: Params) => translate(dict, key, params);
  const money = (cents: bigint) => formatCents(cents, locale);
  const dateOf = (at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: BILLING_TIME_ZONE }).format(at);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = drawable(regular);
  const title = invoice.number ? `${t("invoices.document.invoice")} ${invoice.number}` : t("invoices.document.draft");
  doc.setTitle(clean(`${title} · ${invoice.tenant.name} · ${invoice.month}`));
  doc.setAuthor(INVOICE_OPERATOR_NAME);
  doc.setCreator(INVOICE_OPERATOR_NAME);
  doc.setProducer(INVOICE_OPERATOR_NAME);
  doc.setLanguage(locale);
  doc.setCreationDate(invoice.issuedAt ?? invoice.generatedAt);

  const pages: PDFPage[] = [];
  const newPage = (): Writer => {
    const page = doc.addPage(A4);
    pages.push(page);
    const writer: Writer = {
      page,
      y: A4[1] - MARGIN,
      text(value, x, options = {}) {
        const font = options.bold ? bold : regular;
        const size = options.size ?? 10;
        let shown = clean(value);
        if (options.maxWidth && font.widthOfTextAtSize(shown, size) > options.maxWidth) {
          while (shown.length > 1 && font.widthOfTextAtSize(`${shown}…`, size) > options.maxWidth) shown = shown.slice(0, -1);
          shown = `${shown.trimEnd()}…`;
        }
        const at = options.right ? x - font.widthOfTextAtSize(shown, size) : x;
        page.drawText(shown, { x: at, y: writer.y, size, font, color: options.color ?? INK });
      },
      rule(y) {
        page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.75, color: RULE });
      },
    };
    return writer;
  };

  const right = A4[0] - MARGIN;
  const quantityRight = right - 120;
  let w = newPage();

  // Header: the operator, and the invoice's number (or DRAFT) with its status.
  w.text(INVOICE_OPERATOR_NAME, MARGIN, { size: 18, bold: true });
  w.text(title, right, { size: 14, bold: true, right: true, color: invoice.number ? INK : STAMP.draft });
  w.y -= 18;
  const stamp =
    invoice.status === "paid" ? t("invoices.document.paidStamp") : invoice.status === "void" ? t("invoices.document.voidStamp") : null;
  if (stamp) w.text(stamp, right, { size: 11, bold: true, right: true, color: STAMP[invoice.status] });
  w.y -= 30;

  // Customer on the left, dates on the right.
  const facts: [string, string][] = [[t("invoices.document.month"), formatBillingMonth(invoice.month, locale)]];
  if (invoice.issuedAt) facts.push([t("invoices.document.issuedAt"), dateOf(invoice.issuedAt)]);
  if (invoice.dueAt) facts.push([t("invoices.document.dueAt"), day(invoice.dueAt)]);
  const top = w.y;
  w.text(t("invoices.document.customer"), MARGIN, { size: 9, color: MUTED });
  w.y -= 14;
  w.text(invoice.tenant.name, MARGIN, { size: 12, bold: true, maxWidth: 300 });
  if (invoice.tenant.cnpj) {
    w.y -= 14;
    w.text(`${t("invoices.document.cnpj")} ${formatCnpj(invoice.tenant.cnpj)}`, MARGIN, { size: 10 });
  }
  const customerBottom = w.y;
  w.y = top;
  for (const [label, value] of facts) {
    w.text(label, right - 110, { size: 9, color: MUTED, right: true });
    w.text(value, right, { size: 10, right: true });
    w.y -= 14;
  }
  w.y = Math.min(customerBottom, w.y) - 28;

  const tableHeader = () => {
    w.text(t("invoices.document.description"), MARGIN, { size: 9, bold: true, color: MUTED });
    w.text(t("invoices.document.quantity"), quantityRight, { size: 9, bold: true, color: MUTED, right: true });
    w.text(t("invoices.document.amount"), right, { size: 9, bold: true, color: MUTED, right: true });
    w.rule(w.y - 6);
    w.y -= LINE_HEIGHT + 4;
  };
  const ensureRoom = (needed: number) => {
    if (w.y - needed >= MARGIN + 24) return;
    w = newPage();
    tableHeader();
  };
  const lineRow = (line: InvoiceLineView) => {
    ensureRoom(LINE_HEIGHT);
    w.text(invoiceLineTitle(line, t), MARGIN, { maxWidth: quantityRight - MARGIN - 170 });
    w.text(invoiceLineQuantity(line, t, locale), quantityRight, { right: true, color: MUTED, maxWidth: 200 });
    w.text(money(line.amountCents), right, { right: true });
    w.y -= LINE_HEIGHT;
  };
  const totalRow = (label: string, cents: bigint, strong = false) => {
    ensureRoom(LINE_HEIGHT + 8);
    w.text(label, quantityRight, { right: true, bold: strong, size: strong ? 12 : 10 });
    w.text(money(cents), right, { right: true, bold: strong, size: strong ? 12 : 10 });
    w.y -= LINE_HEIGHT + (strong ? 4 : 0);
  };

  tableHeader();
  const charges = invoice.lines.filter((line) => line.kind !== "tax");
  const taxes = invoice.lines.filter((line) => line.kind === "tax");
  for (const line of charges) lineRow(line);
  // Subtotal, taxes and total stay together on one page.
  ensureRoom(LINE_HEIGHT * (taxes.length + 3));
  w.y -= 4;
  w.rule(w.y + LINE_HEIGHT - 4);
  totalRow(t("invoices.document.subtotal"), invoice.subtotalCents);
  for (const line of taxes) lineRow(line);
  w.y -= 4;
  w.rule(w.y + LINE_HEIGHT - 4);
  totalRow(t("invoices.document.total"), invoice.totalCents, true);

  const note =
    invoice.status === "draft"
      ? t("invoices.document.draftNote")
      : invoice.status === "void" && invoice.voidReason
        ? t("invoices.document.voidNote", { reason: invoice.voidReason })
        : null;
  if (note) {
    ensureRoom(LINE_HEIGHT * 2);
    w.y -= LINE_HEIGHT;
    w.text(note, MARGIN, { size: 9, color: invoice.status === "void" ? STAMP.void : MUTED, maxWidth: right - MARGIN });
  }

  pages.forEach((page, index) => {
    const footer = clean(`${INVOICE_OPERATOR_NAME} · ${title} · ${t("invoices.document.page", { page: index + 1, pages: pages.length })}`);
    page.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 8, font: regular, color: MUTED });
  });
  return doc.save();
}

/** "fatura-LIN-2026-000123.pdf", "fatura-acme-2026-10-rascunho.csv": ASCII only, safe in Content-Disposition. */
export function invoiceFileName(invoice: InvoiceView, locale: Locale, extension: "pdf" | "csv"): string {
  const dict = getDictionary(locale);
  const base = translate(dict, "invoices.document.fileName");
  const id = invoice.number ?? `${invoice.tenant.slug}-${invoice.month}-${translate(dict, "invoices.document.draft").toLowerCase()}`;
  return `${base}-${id}`.replace(/[^A-Za-z0-9._-]/g, "-") + `.${extension}`;
}
