export const invoicesPtBR = {
  title: "Faturas",
  section: { title: "Faturamento", subtitle: "Faturas mensais, tarifação das chamadas e impostos." },
  tabs: { invoices: "Faturas", rating: "Tarifação", taxes: "Impostos" },
};
