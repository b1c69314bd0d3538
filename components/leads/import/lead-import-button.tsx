"use client";

import { UploadIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { LeadImportDialog } from "./lead-import-dialog";

/** "Import CSV" for the leads toolbar: opens the import wizard. */
export function LeadImportButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="outline" onClick={() => setOpen(true)}>
        <UploadIcon aria-hidden /> {t("leadImport.button")}
      </Button>
      <LeadImportDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
