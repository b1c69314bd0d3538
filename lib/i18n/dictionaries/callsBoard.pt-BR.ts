/** The live board, call control, conferences and the after-call form. */
export const callsBoardPtBR = {
  title: "Ao vivo",
};
