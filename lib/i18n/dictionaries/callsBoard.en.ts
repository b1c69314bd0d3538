import type { Dictionary } from "./pt-BR";

export const callsBoardEn: Dictionary["callsBoard"] = {
  title: "Live",
};
