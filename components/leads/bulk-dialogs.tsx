"use client";

import { useEffect, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import { TagInput, useLeadTagSuggestions } from "./tag-input";

export function BulkTagsDialog({
  mode,
  count,
  busy,
  onCancel,
  onApply,
}: {
  mode: "add" | "remove" | null;
  count: number;
  busy: boolean;
  onCancel: () => void;
  onApply: (tags: string[]) => void;
}) {
  const { t } = useI18n();
  const [tags, setTags] = useState<string[]>([]);
  const suggestions = useLeadTagSuggestions(mode !== null);
  useEffect(() => {
    if (mode) setTags([]);
  }, [mode]);
  return (
    <Dialog open={mode !== null} onOpenChange={(open) => !open && !busy && onCancel()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {mode === "remove"
              ? count === 1
                ? t("leads.bulk.removeTagsTitleOne")
                : t("leads.bulk.removeTagsTitle", { count })
              : count === 1
                ? t("leads.bulk.addTagsTitleOne")
                : t("leads.bulk.addTagsTitle", { count })}
          </DialogTitle>
          <DialogDescription id="bulk-tags-description">{t("leads.bulk.tagsDescription")}</DialogDescription>
        </DialogHeader>
        <TagInput
          value={tags}
          onChange={setTags}
          suggestions={suggestions}
          aria-label={t("leads.field.tags")}
          aria-describedby="bulk-tags-description"
        />
        <DialogFooter>
          <Button variant="outline" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button onClick={() => onApply(tags)} disabled={busy || tags.length === 0}>
            {busy ? t("common.loading") : t("leads.bulk.apply")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function BulkDeleteDialog({ count, onCancel, onConfirm }: { count: number | null; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  return (
    <AlertDialog open={count !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {count === 1 ? t("leads.bulk.deleteTitleOne") : t("leads.bulk.deleteTitle", { count: count ?? 0 })}
          </AlertDialogTitle>
          <AlertDialogDescription>{t("leads.bulk.deleteBody")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={onConfirm}>
            {count === 1 ? t("leads.bulk.deleteConfirmOne") : t("leads.bulk.deleteConfirm", { count: count ?? 0 })}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
