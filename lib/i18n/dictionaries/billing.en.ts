import type { Dictionary } from "./pt-BR";

export const billingEn: Dictionary["billing"] = {
  title: "Billing",
  errors: {
    invoice_not_found: "Invoice not found.",
    invalid_month: "Enter the month as YYYY-MM.",
  },
};
