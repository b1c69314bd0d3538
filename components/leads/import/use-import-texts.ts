"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import type { MessageKey } from "@/lib/i18n";
import type { DuplicateKey, LeadImportDuplicate, LeadImportProblem } from "@/lib/schemas/lead-import";

/** How the wizard and its downloadable report word fields, problems and duplicates. */
export function useImportTexts() {
  const { t, tm, locale } = useI18n();
  /** `<key>One` for exactly one ("1 linha com erro"), else `<key>` with the formatted count. */
  const count = (key: MessageKey, n: number) =>
    n === 1 ? t(`${key}One` as MessageKey) : t(key, { count: new Intl.NumberFormat(locale).format(n) });
  const fieldLabel = (field: LeadImportProblem["field"]) => t(`leadImport.field.${field}`);
  const keyLabel = (key: DuplicateKey) => t(`leadImport.duplicate.key.${key}`);
  const duplicateText = (d: LeadImportDuplicate) => {
    const field = keyLabel(d.field);
    if (d.firstLine !== null) return t("leadImport.report.fileDuplicate", { line: d.line, first: d.firstLine, field });
    if (d.lead) return t("leadImport.report.existingDuplicate", { line: d.line, name: d.lead.name, field });
    return t("leadImport.report.hiddenDuplicate", { line: d.line, field });
  };
  return { fieldLabel, keyLabel, duplicateText, reason: tm, count };
}
