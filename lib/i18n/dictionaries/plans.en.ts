import type { Dictionary } from "./pt-BR";

export const plansEn: Dictionary["plans"] = {
  title: "Plans",
};
