export const billingPtBR = {
  title: "Faturamento",
};
