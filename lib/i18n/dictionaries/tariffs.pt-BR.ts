export const tariffsPtBR = {
  title: "Tarifas",
};
