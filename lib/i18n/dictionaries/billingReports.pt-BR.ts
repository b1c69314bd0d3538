export const billingReportsPtBR = {
  title: "Relatórios",
};
