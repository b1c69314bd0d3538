"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeftRightIcon, TriangleAlertIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { MERGE_PICK_FIELDS, type LeadMergeCandidate, type MergePickField } from "@/lib/schemas/lead-import";
import { differs, MergeFieldTable, type MergePicks } from "./merge-field-table";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  keepId: string;
  mergeId: string;
  /** Called with the surviving lead's id; without it the dialog toasts and closes by itself. */
  onMerged?: (keptId: string) => void;
};

/** The tags and notes the kept lead ends up with (the server unites and joins them the same way). */
function combined(keep: LeadMergeCandidate, merge: LeadMergeCandidate) {
  const tags = [...new Set([...keep.tags, ...merge.tags])];
  const notes = [keep.notes?.trim(), merge.notes?.trim()].filter((n, i, all): n is string => Boolean(n) && all.indexOf(n) === i);
  return { tags, notes };
}

/** Side-by-side merge of two leads: a choice per differing field, swap which one stays, confirm. */
export function MergeLeadsDialog({ open, onOpenChange, keepId, mergeId, onMerged }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Swapping only changes which side stays: the two leads are loaded once.
  const [swapped, setSwapped] = useState(false);
  const [picks, setPicks] = useState<MergePicks>({});

  useEffect(() => {
    setSwapped(false);
    setPicks({});
  }, [keepId, mergeId, open]);

  const comparison = useQuery({ ...trpc.leads.duplicates.compare.queryOptions({ keepId, mergeId }), enabled: open, staleTime: 0 });
  const pair = swapped ? { keepId: mergeId, mergeId: keepId } : { keepId, mergeId };
  const merge = useMutation(
    trpc.leads.duplicates.merge.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
        if (onMerged) return onMerged(result.id);
        toast.success(t("leadImport.merge.merged"));
        onOpenChange(false);
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const loaded = comparison.data;
  const data = loaded && swapped ? { keep: loaded.merge, merge: loaded.keep } : loaded;
  function confirm() {
    if (!data) return;
    // Only the fields that differ carry a choice; the rest follow the server's rule.
    const pick: MergePicks = {};
    for (const field of MERGE_PICK_FIELDS) if (picks[field] && differs(data.keep, data.merge, field)) pick[field] = picks[field];
    merge.mutate({ ...pair, pick });
  }
  const swap = () => {
    setSwapped((s) => !s);
    setPicks({});
  };
  const extra = data ? combined(data.keep, data.merge) : null;

  return (
    <Dialog open={open} onOpenChange={(next) => !merge.isPending && onOpenChange(next)}>
      <DialogContent className="max-h-[92svh] overflow-y-auto sm:max-w-2xl" data-testid="merge-leads-dialog">
        <DialogHeader>
          <DialogTitle>{t("leadImport.merge.title")}</DialogTitle>
          <DialogDescription>{t("leadImport.merge.description")}</DialogDescription>
        </DialogHeader>

        {comparison.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : comparison.isError || !data ? (
          <div role="alert" className="flex flex-col items-start gap-2 text-sm text-destructive">
            <p>{comparison.error ? tm(comparison.error.message) : t("leadImport.merge.loadError")}</p>
            <Button type="button" variant="outline" size="sm" onClick={() => void comparison.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <div className="flex justify-end">
              <Button type="button" variant="outline" size="sm" onClick={swap} disabled={merge.isPending}>
                <ArrowLeftRightIcon aria-hidden /> {t("leadImport.merge.swap")}
              </Button>
            </div>
            <MergeFieldTable
              keep={data.keep}
              merge={data.merge}
              picks={picks}
              onPick={(field: MergePickField, side) => setPicks((p) => ({ ...p, [field]: side }))}
            />
            <p className="text-xs text-muted-foreground">{t("leadImport.merge.sameValue")}</p>
            {extra && (extra.tags.length > 0 || extra.notes.length > 0) && (
              <dl className="grid gap-2 text-sm">
                {extra.tags.length > 0 && (
                  <div>
                    <dt className="font-medium">{t("leadImport.merge.tags")}</dt>
                    <dd className="mt-1 flex flex-wrap gap-1">
                      {extra.tags.map((tag) => (
                        <span key={tag} className="rounded-full border px-2 py-0.5 text-xs">
                          {tag}
                        </span>
                      ))}
                    </dd>
                  </div>
                )}
                {extra.notes.length > 0 && (
                  <div>
                    <dt className="font-medium">{t("leadImport.merge.notes")}</dt>
                    <dd className="mt-1 line-clamp-4 whitespace-pre-line text-muted-foreground">{extra.notes.join("\n\n")}</dd>
                  </div>
                )}
              </dl>
            )}
            <p className="rounded-md bg-muted px-3 py-2 text-sm">
              {t("leadImport.merge.moves", {
                name: data.keep.name,
                activities: data.merge.counts.activities,
                tasks: data.merge.counts.tasks,
                opportunities: data.merge.counts.opportunities,
              })}
            </p>
            <p className="flex items-center gap-2 text-sm text-destructive">
              <TriangleAlertIcon className="size-4" aria-hidden /> {t("leadImport.merge.irreversible")}
            </p>
          </div>
        )}

        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={merge.isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="button" variant="destructive" onClick={confirm} disabled={!data || merge.isPending} data-testid="merge-confirm">
            {merge.isPending && <Spinner aria-hidden />}
            {merge.isPending ? t("leadImport.merge.merging") : t("leadImport.merge.confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
