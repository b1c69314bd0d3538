import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { isValidCnpj, normalizeCnpj } from "@/lib/cnpj";
import { normalizePhone } from "@/lib/phone";

// Field schemas shared by the forms and procedures of several areas. Empty input means "not set"
// (null); messages are dictionary keys translated on both sides (lib/i18n messageKey).

/** Trimmed text capped at the column's length. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, messageKey("too_long", { max }))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
}

/** Any human-typed phone number, stored as E.164. */
export const optionalPhone = z
  .string()
  .trim()
  .max(40, messageKey("too_long", { max: 40 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    const e164 = normalizePhone(value);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_phone") });
      return z.NEVER;
    }
    return e164;
  })
  .nullable()
  .optional();

/** A CNPJ with or without its mask, stored as 14 digits after the check digits pass. */
export const optionalCnpj = z
  .string()
  .trim()
  .max(20, messageKey("too_long", { max: 20 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!isValidCnpj(value)) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_cnpj") });
      return z.NEVER;
    }
    return normalizeCnpj(value);
  })
  .nullable()
  .optional();

/** An e-mail address, stored lowercase. */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, messageKey("too_long", { max: 254 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_email") });
      return z.NEVER;
    }
    return value.toLowerCase();
  })
  .nullable()
  .optional();
