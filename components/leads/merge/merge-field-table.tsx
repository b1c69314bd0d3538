"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import { formatCnpj } from "@/lib/cnpj";
import { formatPhone } from "@/lib/phone";
import { MERGE_PICK_FIELDS, type LeadMergeCandidate, type MergePickField, type MergeSide } from "@/lib/schemas/lead-import";

export type MergePicks = Partial<Record<MergePickField, MergeSide>>;

/** The comparable value of a field ("" when empty; the "other" source counts as empty, as on the server). */
export function rawValue(lead: LeadMergeCandidate, field: MergePickField): string {
  if (field === "ownerId") return lead.owner?.id ?? "";
  if (field === "source" && lead.source === "other") return "";
  const value = lead[field];
  return value === null ? "" : String(value);
}

/** What the server picks when the user does not: the kept value, unless it is empty and the other is not. */
export function defaultSide(keep: LeadMergeCandidate, merge: LeadMergeCandidate, field: MergePickField): MergeSide {
  return rawValue(keep, field) === "" && rawValue(merge, field) !== "" ? "merge" : "keep";
}

export const differs = (keep: LeadMergeCandidate, merge: LeadMergeCandidate, field: MergePickField) =>
  rawValue(keep, field) !== rawValue(merge, field);

type Props = {
  keep: LeadMergeCandidate;
  merge: LeadMergeCandidate;
  picks: MergePicks;
  onPick: (field: MergePickField, side: MergeSide) => void;
};

/** Field by field, side by side; a radio pair on each field where the two leads differ. */
export function MergeFieldTable({ keep, merge, picks, onPick }: Props) {
  const { t, locale } = useI18n();
  const label = (field: MergePickField) => t(`leadImport.field.${field === "ownerId" ? "owner" : field}`);
  const shown = (lead: LeadMergeCandidate, field: MergePickField): string => {
    switch (field) {
      case "phone":
        return lead.phone ? formatPhone(lead.phone) : "";
      case "cnpj":
        return lead.cnpj ? formatCnpj(lead.cnpj) : "";
      case "source":
        return t(`leads.source.${lead.source}`);
      case "status":
        return t(`leads.status.${lead.status}`);
      case "ownerId":
        return lead.owner?.name ?? t("leadImport.merge.noOwner");
      case "employees":
        return lead.employees === null ? "" : new Intl.NumberFormat(locale).format(lead.employees);
      default:
        return lead[field] ?? "";
    }
  };
  const cell = (lead: LeadMergeCandidate, side: MergeSide, field: MergePickField) => {
    const text = shown(lead, field) || t("leadImport.merge.empty");
    if (!differs(keep, merge, field)) return <span className="block py-0.5 break-words">{text}</span>;
    const chosen = (picks[field] ?? defaultSide(keep, merge, field)) === side;
    return (
      <label className="flex cursor-pointer items-start gap-2 rounded-md border px-2 py-1 has-[:checked]:border-primary has-[:checked]:bg-primary/5">
        <input
          type="radio"
          name={`merge-${field}`}
          checked={chosen}
          onChange={() => onPick(field, side)}
          aria-label={t("leadImport.merge.choose", { name: lead.name, field: label(field) })}
          className="mt-0.5 accent-primary"
        />
        <span className="min-w-0 break-words">{text}</span>
      </label>
    );
  };

  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left text-muted-foreground">
            <th scope="col" className="w-32 p-2 font-medium">
              {t("leadImport.merge.field")}
            </th>
            <th scope="col" className="p-2 font-medium">
              {keep.name}{" "}
              <span className="ml-1 rounded bg-primary/10 px-1.5 py-0.5 text-xs text-primary">{t("leadImport.merge.keep")}</span>
            </th>
            <th scope="col" className="p-2 font-medium">
              {merge.name}{" "}
              <span className="ml-1 rounded bg-destructive/10 px-1.5 py-0.5 text-xs text-destructive">{t("leadImport.merge.remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {MERGE_PICK_FIELDS.map((field) => (
            <tr key={field} className="border-b last:border-0" data-testid={`merge-row-${field}`}>
              <th scope="row" className="px-2 py-1.5 text-left align-top font-medium">
                {label(field)}
              </th>
              <td className="px-2 py-1 align-top">{cell(keep, "keep", field)}</td>
              <td className="px-2 py-1 align-top">{cell(merge, "merge", field)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
