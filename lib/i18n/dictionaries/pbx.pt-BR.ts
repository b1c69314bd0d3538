export const pbxPtBR = {
  title: "PABX",
};
