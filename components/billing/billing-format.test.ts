import { describe, expect, it } from "vitest";
import { formatBasisPoints, formatBillingMonth, formatDateOnly, formatMinutes, invoiceDownloadHref } from "./billing-format";

describe("billing page formatting", () => {
  it("names a billing month in either language, capitalised", () => {
    expect(formatBillingMonth("2026-03", "pt-BR")).toBe("Março de 2026");
    expect(formatBillingMonth("2026-12", "en")).toBe("December 2026");
  });

  it("shows billed seconds as minutes with one decimal at most", () => {
    expect(formatMinutes(246, "pt-BR")).toBe("4,1");
    expect(formatMinutes(120n, "en")).toBe("2");
    expect(formatMinutes(0, "pt-BR")).toBe("0");
    expect(formatMinutes(90_000, "pt-BR")).toBe("1.500");
  });

  it("keeps a DATE's day whatever the browser's zone", () => {
    expect(formatDateOnly("2026-03-01", "pt-BR")).toBe("01/03/2026");
    expect(formatDateOnly("2026-03-01", "en")).toBe("3/1/26");
  });

  it("writes tax rates from basis points", () => {
    expect(formatBasisPoints(500, "pt-BR")).toBe("5%");
    expect(formatBasisPoints(265, "pt-BR")).toBe("2,65%");
  });

  it("links to the invoice download routes", () => {
    expect(invoiceDownloadHref("abc", "pdf")).toBe("/api/invoices/abc/pdf");
    expect(invoiceDownloadHref("abc", "csv")).toBe("/api/invoices/abc/csv");
  });
});
