"use client";

import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { useI18n } from "@/components/providers/i18n-provider";

/** Cancel and Save for a form inside a dialog laid out on a two-column grid; both wait while saving. */
export function FormDialogFooter({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <DialogFooter className="sm:col-span-2">
      <Button type="button" variant="outline" onClick={onCancel} disabled={saving}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" disabled={saving}>
        {saving ? t("common.loading") : t("common.save")}
      </Button>
    </DialogFooter>
  );
}
