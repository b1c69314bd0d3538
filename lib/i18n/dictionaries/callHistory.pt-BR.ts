/** Call history, statistics and recordings. */
export const callHistoryPtBR = {
  title: "Histórico",
};
