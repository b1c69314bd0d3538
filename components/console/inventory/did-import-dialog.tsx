"use client";

import { useMutation } from "@tanstack/react-query";
import { DownloadIcon, FileTextIcon, UploadIcon, XIcon } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { DID_IMPORT_MAX_BYTES, type DidImportResult } from "@/lib/schemas/inventory";
import { countDataLines, didCsvTemplate, downloadText, readCsvFile } from "./csv-file";
import { DidImportResults } from "./did-import-results";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** For the template: a real provider (and one of its gateways) makes it importable as it is. */
  example: { provider: string; gateway?: string } | null;
  onImported: () => void;
};

type Source = { file: { name: string; size: number } | null; text: string };
const EMPTY: Source = { file: null, text: "" };

export function DidImportDialog({ open, onOpenChange, example, onImported }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const [source, setSource] = useState<Source>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<DidImportResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const number = new Intl.NumberFormat(locale);

  const importDids = useMutation(
    trpc.admin.inventory.dids.import.mutationOptions({
      onSuccess: (outcome) => {
        if (outcome.errors.length > 0) return setResult(outcome);
        toast.success(t("inventory.importDialog.success", { count: number.format(outcome.imported) }));
        onImported();
        onOpenChange(false);
      },
      onError: (error) => setProblem(error.message),
    }),
  );
  const working = importDids.isPending;

  useEffect(() => {
    if (open) {
      setSource(EMPTY);
      setProblem(null);
      setResult(null);
    }
  }, [open]);

  async function takeFile(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    if (file.size > DID_IMPORT_MAX_BYTES) return setProblem(t("inventory.importDialog.tooLarge"));
    try {
      setSource({ file: { name: file.name, size: file.size }, text: await readCsvFile(file) });
    } catch {
      setProblem(t("inventory.importDialog.readError"));
    }
  }

  const template = () =>
    downloadText(
      locale === "pt-BR" ? "modelo-numeros.csv" : "numbers-template.csv",
      didCsvTemplate(example?.provider ?? t("inventory.dids.field.provider"), example?.gateway),
    );
  const size = (bytes: number) => `${number.format(Math.ceil(bytes / 1024))} KB`;

  return (
    <Dialog open={open} onOpenChange={(next) => !working && onOpenChange(next)}>
      <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-2xl" data-testid="did-import-dialog">
        <DialogHeader>
          <DialogTitle>{t("inventory.importDialog.title")}</DialogTitle>
          <DialogDescription>{t("inventory.importDialog.body")}</DialogDescription>
        </DialogHeader>

        {working ? (
          <div
            role="status"
            aria-live="polite"
            className="flex flex-col items-center gap-3 py-10 text-center"
            data-testid="did-import-working"
          >
            <Spinner className="size-8" aria-label={t("inventory.importDialog.working")} />
            <p className="font-medium">{t("inventory.importDialog.workingLines", { count: number.format(countDataLines(source.text)) })}</p>
            <p className="max-w-sm text-sm text-muted-foreground">{t("inventory.importDialog.workingBody")}</p>
          </div>
        ) : result ? (
          <DidImportResults result={result} />
        ) : (
          <div className="flex flex-col gap-3">
            <div
              className={`flex flex-col items-center gap-2 rounded-md border border-dashed p-6 text-center transition-colors ${dragging ? "border-primary bg-primary/5" : ""}`}
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(event) => {
                event.preventDefault();
                setDragging(false);
                void takeFile(event.dataTransfer.files[0]);
              }}
            >
              {source.file ? (
                <div className="flex items-center gap-2 text-sm" data-testid="did-import-file">
                  <FileTextIcon className="size-4" aria-hidden />
                  {t("inventory.importDialog.fileChosen", { name: source.file.name, size: size(source.file.size) })}
                  <Button type="button" variant="ghost" size="icon-sm" onClick={() => setSource(EMPTY)} aria-label={t("common.cancel")}>
                    <XIcon aria-hidden />
                  </Button>
                </div>
              ) : (
                <>
                  <Button type="button" variant="outline" onClick={() => fileInput.current?.click()}>
                    <UploadIcon aria-hidden /> {t("inventory.importDialog.chooseFile")}
                  </Button>
                  <span className="text-xs text-muted-foreground">{t("inventory.importDialog.fileHint")}</span>
                </>
              )}
              <input
                ref={fileInput}
                type="file"
                accept=".csv,text/csv,text/plain"
                className="sr-only"
                tabIndex={-1}
                aria-hidden
                data-testid="did-import-input"
                onChange={(event) => {
                  void takeFile(event.target.files?.[0]);
                  event.target.value = "";
                }}
              />
            </div>
            {!source.file && (
              <div className="grid gap-2">
                <Label htmlFor={pasteId}>{t("inventory.importDialog.orPaste")}</Label>
                <Textarea
                  id={pasteId}
                  rows={6}
                  className="max-h-56 overflow-y-auto font-mono text-xs"
                  value={source.text}
                  onChange={(e) => setSource({ file: null, text: e.target.value })}
                  placeholder={t("inventory.importDialog.pastePlaceholder")}
                  spellCheck={false}
                />
              </div>
            )}
            {problem && (
              <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
                {problem}
              </p>
            )}
          </div>
        )}

        <DialogFooter className="sm:justify-between">
          <Button type="button" variant="ghost" onClick={template} disabled={working}>
            <DownloadIcon aria-hidden /> {t("inventory.importDialog.template")}
          </Button>
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={working}>
              {t("common.close")}
            </Button>
            {result ? (
              <Button type="button" onClick={() => setResult(null)}>
                {t("inventory.importDialog.again")}
              </Button>
            ) : (
              <Button
                type="button"
                disabled={working || source.text.trim() === ""}
                onClick={() => {
                  setProblem(null);
                  importDids.mutate({ csv: source.text });
                }}
              >
                {working && <Spinner aria-label={t("inventory.importDialog.working")} />}
                {t("inventory.importDialog.submit")}
              </Button>
            )}
          </div>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
