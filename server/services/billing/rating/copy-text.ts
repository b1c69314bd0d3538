// PostgreSQL COPY text format (tab-separated, \N for NULL): the rating run reads calls and writes
// charges in it. Fields read from COPY TO are already in this form and pass through untouched.

export const COPY_NULL = "\\N";

/** A text value as a COPY text field: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return COPY_NULL;
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : value;
}

const COPY_ESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", b: "\b", f: "\f", v: "\v" };

/** A COPY text field read back as a string (null for \N). */
export function readCopyText(field: string): string | null {
  if (field === COPY_NULL) return null;
  return field.includes("\\") ? field.replace(/\\(.)/g, (_, c: string) => COPY_ESCAPES[c] ?? c) : field;
}
