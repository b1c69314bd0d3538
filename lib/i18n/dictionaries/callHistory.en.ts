import type { Dictionary } from "./pt-BR";

export const callHistoryEn: Dictionary["callHistory"] = {
  title: "History",
};
