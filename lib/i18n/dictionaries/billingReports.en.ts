import type { Dictionary } from "./pt-BR";

export const billingReportsEn: Dictionary["billingReports"] = {
  title: "Reports",
};
