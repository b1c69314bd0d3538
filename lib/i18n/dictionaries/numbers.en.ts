import type { Dictionary } from "./pt-BR";

export const numbersEn: Dictionary["numbers"] = {
  title: "Numbers",
};
