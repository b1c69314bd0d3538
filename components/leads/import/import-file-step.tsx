"use client";

import { DownloadIcon, FileTextIcon, UploadIcon } from "lucide-react";
import { useId, useRef, useState } from "react";
import { readCsvFile, downloadText } from "@/components/console/inventory/csv-file";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { LEAD_IMPORT_FIELDS, LEAD_IMPORT_MAX_CHARS } from "@/lib/schemas/lead-import";

type Props = {
  busy: boolean;
  problem: string | null;
  onFile: (file: { name: string; text: string }) => void;
  onProblem: (message: string) => void;
};

/** Step 1: pick or drop a CSV file; its text goes to the preview. */
export function ImportFileStep({ busy, problem, onFile, onProblem }: Props) {
  const { t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  async function take(file: File | undefined) {
    if (!file) return;
    if (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) return onProblem(t("leadImport.file.notCsv"));
    if (file.size > LEAD_IMPORT_MAX_CHARS) return onProblem(t("leadImport.file.tooLarge"));
    try {
      onFile({ name: file.name, text: await readCsvFile(file) });
    } catch {
      onProblem(t("leadImport.file.readError"));
    }
  }

  // A template with the header names the mapping recognizes, in the user's language.
  function template() {
    const header = LEAD_IMPORT_FIELDS.map((f) => t(`leadImport.field.${f}`)).join(";");
    const example = ["Maria Silva", "Padaria Pão Quente", "maria@paoquente.com.br", "(11) 98765-4321", "11.222.333/0001-81"];
    const row = [...example, t("leads.source.referral"), t("leads.status.new"), "varejo, sp", "12", "", ""].join(";");
    downloadText(t("leadImport.file.templateName"), `\uFEFF${header}\r\n${row}\r\n`);
  }

  return (
    <div className="flex flex-col gap-3">
      <div
        className={`flex flex-col items-center gap-3 rounded-md border border-dashed p-8 text-center transition-colors ${dragging ? "border-primary bg-primary/5" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!busy) void take(event.dataTransfer.files[0]);
        }}
        data-testid="lead-import-drop"
      >
        {busy ? (
          <div role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <Spinner aria-hidden /> {t("leadImport.file.reading")}
          </div>
        ) : (
          <>
            <FileTextIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-sm">{t("leadImport.file.drop")}</p>
            <Label htmlFor={inputId} className="sr-only">
              {t("leadImport.file.label")}
            </Label>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-describedby={hintId}
              className="sr-only"
              tabIndex={-1}
              onChange={(event) => {
                void take(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
            <Button type="button" variant="outline" onClick={() => input.current?.click()} aria-describedby={hintId} autoFocus>
              <UploadIcon aria-hidden /> {t("leadImport.file.choose")}
            </Button>
          </>
        )}
        <p id={hintId} className="text-xs text-muted-foreground">
          {t("leadImport.file.hint")}
        </p>
      </div>
      {problem && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {problem}
        </p>
      )}
      <div>
        <Button type="button" variant="ghost" size="sm" onClick={template}>
          <DownloadIcon aria-hidden /> {t("leadImport.file.template")}
        </Button>
      </div>
    </div>
  );
}
