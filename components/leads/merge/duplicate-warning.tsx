"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useDebounced } from "@/components/leads/use-debounced";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { DuplicateKey } from "@/lib/schemas/lead-import";
import { MergeLeadsDialog } from "./merge-leads-dialog";

type Values = { email?: string | null; phone?: string | null; cnpj?: string | null };

/**
 * Under a lead form: warns, 400 ms after typing stops, about leads with the same e-mail, phone or
 * CNPJ (the server normalizes them as stored). Renders nothing without a match. With `excludeId`
 * (editing) it offers to merge the match into the lead being edited; the merged lead's page opens
 * after, since the form's values are no longer the lead's.
 */
export function DuplicateWarning({ values, excludeId }: { values: Values; excludeId?: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [mergeId, setMergeId] = useState<string | null>(null);
  // A string key: the form hands a new object on every render, which would restart the timer.
  const key = JSON.stringify([values.email?.trim() ?? "", values.phone?.trim() ?? "", values.cnpj?.trim() ?? ""]);
  const debounced = useDebounced(key, 400);
  const [email, phone, cnpj] = JSON.parse(debounced) as [string, string, string];
  const any = email !== "" || phone !== "" || cnpj !== "";

  const check = useQuery({
    ...trpc.leads.duplicates.check.queryOptions({ email: email || null, phone: phone || null, cnpj: cnpj || null, excludeId }),
    enabled: any,
    placeholderData: keepPreviousData,
  });
  const result = any ? check.data : undefined;
  if (!result || (result.matches.length === 0 && result.hidden.length === 0)) return null;

  const fields = (keys: DuplicateKey[]) => keys.map((k) => t(`leadImport.duplicate.key.${k}`)).join(t("leadImport.duplicate.and"));

  return (
    <div
      role="status"
      className="flex flex-col gap-1.5 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200"
      data-testid="duplicate-warning"
    >
      {result.matches.map((match) => (
        <div key={match.id} className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
          <TriangleAlertIcon className="size-4 shrink-0" aria-hidden />
          <span>{t("leadImport.duplicate.warning")}</span>
          <Link
            href={`/leads/${match.id}`}
            className="font-medium underline underline-offset-4"
            aria-label={t("leadImport.duplicate.open", { name: match.name })}
          >
            {match.name}
          </Link>
          <span>({t("leadImport.duplicate.same", { fields: fields(match.matched) })})</span>
          {excludeId && (
            <Button type="button" variant="outline" size="sm" className="ml-auto h-7" onClick={() => setMergeId(match.id)}>
              {t("leadImport.duplicate.merge")}
            </Button>
          )}
        </div>
      ))}
      {result.hidden.length > 0 && (
        <div className="flex items-center gap-1.5">
          <TriangleAlertIcon className="size-4 shrink-0" aria-hidden />
          {t("leadImport.duplicate.hidden", { fields: fields(result.hidden) })}
        </div>
      )}
      {excludeId && mergeId && (
        <MergeLeadsDialog
          open
          onOpenChange={(open) => !open && setMergeId(null)}
          keepId={excludeId}
          mergeId={mergeId}
          onMerged={(keptId) => {
            setMergeId(null);
            toast.success(t("leadImport.merge.merged"));
            router.push(`/leads/${keptId}`);
          }}
        />
      )}
    </div>
  );
}
