"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import { auditChanges, displayValue } from "./audit-diff";

/** The fields an entry changed, before and after, one per line. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const changes = auditChanges(before, after);
  if (changes.length === 0) {
    const snapshots = before != null || after != null;
    return <p className="text-sm text-muted-foreground">{t(snapshots ? "console.audit.noFieldChanged" : "console.audit.noChanges")}</p>;
  }
  const cell = (value: unknown) => {
    const text = displayValue(value);
    return text === null ? (
      <span className="text-muted-foreground italic">{t("console.audit.empty_value")}</span>
    ) : (
      <span className="break-all">{text}</span>
    );
  };
  return (
    <table className="w-full table-fixed text-sm" data-testid="audit-changes">
      <thead>
        <tr className="text-left text-xs text-muted-foreground">
          <th className="w-1/4 py-1 pr-3 font-medium">{t("console.audit.field")}</th>
          <th className="py-1 pr-3 font-medium">{t("console.audit.before")}</th>
          <th className="py-1 font-medium">{t("console.audit.after")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} className="border-t align-top">
            <td className="py-1.5 pr-3 font-mono text-xs">{change.field}</td>
            <td className="py-1.5 pr-3 text-destructive/90">{cell(change.before)}</td>
            <td className="py-1.5 text-success">{cell(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
