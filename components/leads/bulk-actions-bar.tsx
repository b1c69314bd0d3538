"use client";

import { ChevronDownIcon, MergeIcon, TagIcon, Trash2Icon, UserRoundIcon, XIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/components/providers/i18n-provider";
import { BulkDeleteDialog, BulkTagsDialog } from "./bulk-dialogs";
import { useBulkLeadActions } from "./use-bulk-lead-actions";
import type { LeadSelectionState } from "./use-lead-selection";

type Props = {
  selection: LeadSelectionState;
  /** Rows matching the filters (capped by the server) and whether the cap was hit. */
  total: number;
  totalCapped: boolean;
  pageCount: number;
  members: { id: string; name: string }[];
  myMembershipId: string | null;
  canAssignOthers: boolean;
  canDelete: boolean;
  onMerge: (keepId: string, mergeId: string) => void;
};

export function BulkActionsBar({
  selection,
  total,
  totalCapped,
  pageCount,
  members,
  myMembershipId,
  canAssignOthers,
  canDelete,
  onMerge,
}: Props) {
  const { t, locale } = useI18n();
  const [tagMode, setTagMode] = useState<"add" | "remove" | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const actions = useBulkLeadActions(() => {
    setTagMode(null);
    selection.clear();
  });
  const target = selection.selection;
  if (!target) return null;

  const number = new Intl.NumberFormat(locale);
  const count = selection.allMatching ? total : selection.ids.length;
  const shown = selection.allMatching && totalCapped ? `${number.format(total)}+` : number.format(count);
  const assignTo = (ownerId: string | null) => actions.assign.mutate({ selection: target, ownerId });
  const [first, second] = selection.ids;

  return (
    <div
      role="toolbar"
      aria-label={t("leads.bulk.toolbar")}
      className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/50 px-3 py-2"
      data-testid="bulk-bar"
    >
      <span className="text-sm font-medium" aria-live="polite">
        {count === 1 && !selection.allMatching ? t("leads.bulk.selectedOne") : t("leads.bulk.selected", { count: shown })}
      </span>
      {selection.pageFullySelected && total > pageCount && (
        <Button variant="link" size="sm" className="h-auto px-1" onClick={selection.selectAllMatching}>
          {t("leads.bulk.selectAllMatching", { count: totalCapped ? `${number.format(total)}+` : number.format(total) })}
        </Button>
      )}
      {selection.allMatching && <span className="text-sm text-muted-foreground">{t("leads.bulk.allMatching", { count: shown })}</span>}
      <div className="ml-auto flex flex-wrap gap-2">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" disabled={actions.busy}>
              <UserRoundIcon aria-hidden /> {t("leads.bulk.assign")} <ChevronDownIcon aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {myMembershipId && <DropdownMenuItem onSelect={() => assignTo(myMembershipId)}>{t("leads.bulk.assignMe")}</DropdownMenuItem>}
            <DropdownMenuItem onSelect={() => assignTo(null)}>{t("leads.bulk.unassign")}</DropdownMenuItem>
            {canAssignOthers && members.length > 0 && (
              <>
                <DropdownMenuSeparator />
                <DropdownMenuLabel>{t("leads.field.owner")}</DropdownMenuLabel>
                {members.map((m) => (
                  <DropdownMenuItem key={m.id} onSelect={() => assignTo(m.id)}>
                    {m.name}
                  </DropdownMenuItem>
                ))}
              </>
            )}
          </DropdownMenuContent>
        </DropdownMenu>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" disabled={actions.busy}>
              <TagIcon aria-hidden /> {t("leads.bulk.tags")} <ChevronDownIcon aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => setTagMode("add")}>{t("leads.bulk.addTags")}</DropdownMenuItem>
            <DropdownMenuItem onSelect={() => setTagMode("remove")}>{t("leads.bulk.removeTags")}</DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <Button
          variant="outline"
          size="sm"
          disabled={actions.busy || selection.allMatching || selection.ids.length !== 2}
          title={t("leads.bulk.mergeHint")}
          onClick={() => first && second && onMerge(first, second)}
        >
          <MergeIcon aria-hidden /> {t("leads.bulk.merge")}
        </Button>
        {canDelete && (
          <Button variant="outline" size="sm" className="text-destructive" disabled={actions.busy} onClick={() => setConfirmDelete(true)}>
            <Trash2Icon aria-hidden /> {t("leads.bulk.delete")}
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={selection.clear} disabled={actions.busy}>
          <XIcon aria-hidden /> {t("leads.bulk.clear")}
        </Button>
      </div>
      <BulkTagsDialog
        mode={tagMode}
        count={count}
        busy={actions.tags.isPending}
        onCancel={() => setTagMode(null)}
        onApply={(tags) => actions.tags.mutate({ selection: target, ...(tagMode === "remove" ? { remove: tags } : { add: tags }) })}
      />
      <BulkDeleteDialog
        count={confirmDelete ? count : null}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          actions.remove.mutate({ selection: target });
        }}
      />
    </div>
  );
}
