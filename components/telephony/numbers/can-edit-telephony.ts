/** Admins and owners change the phone system; managers and support sessions only read it (the server enforces the same). */
export function canEditTelephony(viewer: { role: string; readOnly: boolean }): boolean {
  return !viewer.readOnly && (viewer.role === "admin" || viewer.role === "owner");
}
