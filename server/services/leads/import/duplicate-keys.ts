import { z } from "zod";
import { isValidCnpj, normalizeCnpj } from "@/lib/cnpj";
import { normalizePhone } from "@/lib/phone";
import type { DuplicateKey } from "@/lib/schemas/lead-import";

export type DuplicateKeys = Record<DuplicateKey, string | null>;
type Raw = { email?: string | null; phone?: string | null; cnpj?: string | null };

/**
 * The values two leads are compared by, in the form leads are stored (lib/schemas/fields.ts):
 * e-mail trimmed and lower-case, phone in E.164, CNPJ as 14 digits. A value that is empty or
 * not valid gives null: it can match nothing, so half-typed input warns about nothing.
 */
export function duplicateKeysOf(raw: Raw): DuplicateKeys {
  const email = raw.email?.trim().toLowerCase() ?? "";
  const phone = raw.phone?.trim() ?? "";
  const cnpj = raw.cnpj?.trim() ?? "";
  return {
    email: email !== "" && z.email().safeParse(email).success ? email : null,
    phone: phone !== "" ? normalizePhone(phone) : null,
    cnpj: cnpj !== "" && isValidCnpj(cnpj) ? normalizeCnpj(cnpj) : null,
  };
}
