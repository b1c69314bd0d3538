import { DUPLICATE_KEYS, type LeadImportDuplicate } from "@/lib/schemas/lead-import";
import type { DuplicateKeys } from "./duplicate-keys";

/** Rows that repeat an earlier row of the same file by e-mail, phone or CNPJ (pure; rows in file order). */
export function findFileDuplicates(rows: readonly { line: number; keys: DuplicateKeys }[]): LeadImportDuplicate[] {
  const firstLine = new Map<string, number>();
  const found: LeadImportDuplicate[] = [];
  for (const row of rows) {
    for (const field of DUPLICATE_KEYS) {
      const value = row.keys[field];
      if (value === null) continue;
      const key = `${field}:${value}`;
      const first = firstLine.get(key);
      if (first === undefined) firstLine.set(key, row.line);
      else found.push({ line: row.line, field, value, firstLine: first, lead: null });
    }
  }
  return found;
}
