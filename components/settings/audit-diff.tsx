"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";

type Snapshot = Record<string, unknown> | null;

const asRecord = (value: unknown): Snapshot =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function show(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The keys of an entry's before/after snapshots side by side; changed values are marked. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  if (keys.length === 0) return <p className="text-sm text-muted-foreground">{t("settings.audit.noChanges")}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">
            {t("settings.audit.field")}
          </th>
          {b && (
            <th scope="col" className="py-1 pr-4 font-medium">
              {t("settings.audit.before")}
            </th>
          )}
          {a && (
            <th scope="col" className="py-1 font-medium">
              {t("settings.audit.after")}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const changed = b !== null && a !== null && JSON.stringify(b[key]) !== JSON.stringify(a[key]);
          return (
            <tr key={key} className="align-top">
              <th scope="row" className="py-1 pr-4 font-mono text-xs font-normal">
                {key}
              </th>
              {b && (
                <td className={cn("py-1 pr-4 break-all", changed && "text-destructive line-through decoration-destructive/40")}>
                  {show(b[key])}
                </td>
              )}
              {a && <td className={cn("py-1 break-all", changed && "font-medium text-success")}>{show(a[key])}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
