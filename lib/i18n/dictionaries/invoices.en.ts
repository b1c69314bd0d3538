import type { Dictionary } from "./pt-BR";

export const invoicesEn: Dictionary["invoices"] = {
  title: "Invoices",
  section: { title: "Billing", subtitle: "Monthly invoices, call rating and taxes." },
  tabs: { invoices: "Invoices", rating: "Rating", taxes: "Taxes" },
};
