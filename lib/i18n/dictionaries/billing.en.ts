import type { Dictionary } from "./pt-BR";

export const billingEn: Dictionary["billing"] = {
  title: "Billing",
};
