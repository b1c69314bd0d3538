export const billingPtBR = {
  title: "Faturamento",
  errors: {
    invoice_not_found: "Fatura não encontrada.",
    invalid_month: "Informe o mês como AAAA-MM.",
  },
};
