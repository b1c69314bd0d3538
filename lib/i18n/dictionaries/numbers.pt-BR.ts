export const numbersPtBR = {
  title: "Números",
};
