export const routesPtBR = {
  title: "Rotas de saída",
};
