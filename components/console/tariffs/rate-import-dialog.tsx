"use client";

import { CircleCheckIcon, DownloadIcon, FileTextIcon, UploadIcon, XIcon } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { downloadText } from "@/components/console/inventory/csv-file";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import {
  IMPORT_MODES,
  RATE_CSV_COLUMNS,
  RATE_IMPORT_MAX_BYTES,
  RATE_IMPORT_MAX_ROWS,
  type DeckDetail,
  type ImportMode,
} from "@/lib/schemas/billing-tariffs";
import { RateImportErrors } from "./rate-import-errors";
import { uploadRates, type UploadOutcome } from "./upload-rates";
import { useDeckRefresh } from "./use-deck-refresh";

type Phase =
  { step: "choose" } | { step: "uploading"; percent: number } | { step: "validating" } | { step: "done"; outcome: UploadOutcome };

const TEMPLATE = [
  RATE_CSV_COLUMNS.join(";"),
  "55;Brasil;0,12;0;60;60;2026-01-01;",
  "5511;Brasil Fixo SP;0,045;0;30;6;2026-01-01;",
  "55119;Brasil Móvel SP;0,085;0,01;30;6;2026-01-01;",
];

type Props = { deck: DeckDetail; open: boolean; onOpenChange: (open: boolean) => void; onImported: () => void };

/** Upload a CSV (chosen or dropped), with the upload's progress, then the result: a new version or the bad lines. */
export function RateImportDialog({ deck, open, onOpenChange, onImported }: Props) {
  const { t, locale } = useI18n();
  const refresh = useDeckRefresh();
  const input = useRef<HTMLInputElement>(null);
  const noteId = useId();
  const modeName = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("merge");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: "choose" });
  const working = phase.step === "uploading" || phase.step === "validating";
  const number = new Intl.NumberFormat(locale);

  useEffect(() => {
    if (open) {
      setFile(null);
      setMode(deck.rateCount > 0 ? "merge" : "replace");
      setNote("");
      setProblem(null);
      setPhase({ step: "choose" });
    }
  }, [open, deck.rateCount]);

  const take = (chosen: File | undefined) => {
    if (!chosen) return;
    setProblem(null);
    if (!/\.(csv|txt)$/i.test(chosen.name)) return setProblem(t("tariffs.import.notCsv"));
    if (chosen.size > RATE_IMPORT_MAX_BYTES) return setProblem(t("tariffs.import.tooLarge"));
    setFile(chosen);
  };

  const start = async () => {
    if (!file) return;
    setProblem(null);
    setPhase({ step: "uploading", percent: 0 });
    const outcome = await uploadRates({
      deckId: deck.id,
      mode,
      note: note.trim(),
      file,
      onProgress: (percent) => setPhase(percent >= 100 ? { step: "validating" } : { step: "uploading", percent }),
    });
    if (outcome.kind === "failed") {
      setPhase({ step: "choose" });
      return setProblem(t("tariffs.import.failed", { message: outcome.message }));
    }
    setPhase({ step: "done", outcome });
    if (outcome.kind === "imported") {
      toast.success(t("tariffs.import.success", { rows: number.format(outcome.rows), number: outcome.version.number }));
      await refresh();
      onImported();
    }
  };

  const size = (bytes: number) => `${number.format(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
  const done = phase.step === "done" ? phase.outcome : null;

  return (
    <Dialog open={open} onOpenChange={(next) => !working && onOpenChange(next)}>
      <DialogContent className="max-h-[92svh] overflow-y-auto sm:max-w-2xl" data-testid="rate-import-dialog">
        <DialogHeader>
          <DialogTitle>{t("tariffs.import.title")}</DialogTitle>
          <DialogDescription>{t("tariffs.import.body")}</DialogDescription>
        </DialogHeader>

        {working ? (
          <div
            role="status"
            aria-live="polite"
            className="flex flex-col items-center gap-3 py-8 text-center"
            data-testid="rate-import-working"
          >
            {phase.step === "uploading" ? (
              <>
                <p className="font-medium">{t("tariffs.import.uploading", { percent: phase.percent })}</p>
                <Progress
                  value={phase.percent}
                  className="w-full max-w-sm"
                  aria-label={t("tariffs.import.uploading", { percent: phase.percent })}
                />
              </>
            ) : (
              <>
                <Spinner className="size-8" aria-hidden />
                <p className="font-medium">{t("tariffs.import.validating")}</p>
              </>
            )}
            <p className="max-w-sm text-sm text-muted-foreground">{t("tariffs.import.workingBody")}</p>
          </div>
        ) : done?.kind === "imported" ? (
          <div role="status" className="flex flex-col items-center gap-2 py-6 text-center" data-testid="rate-import-done">
            <CircleCheckIcon className="size-10 text-success" aria-hidden />
            <p className="text-lg font-medium">{t("tariffs.import.resultTitle", { number: done.version.number })}</p>
            <p className="text-sm text-muted-foreground">
              {t("tariffs.import.resultCounts", {
                rates: number.format(done.version.rateCount),
                added: number.format(done.version.added),
                changed: number.format(done.version.changed),
                removed: number.format(done.version.removed),
              })}
            </p>
          </div>
        ) : done?.kind === "rejected" ? (
          <RateImportErrors rows={done.rows} badLines={done.badLines} errors={done.errors} />
        ) : (
          <div className="flex flex-col gap-4">
            <fieldset className="grid gap-2 sm:grid-cols-2">
              <legend className="mb-2 text-sm font-medium">{t("tariffs.import.mode")}</legend>
              {IMPORT_MODES.map((value) => (
                <label
                  key={value}
                  className="flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring/50"
                >
                  <input
                    type="radio"
                    name={modeName}
                    value={value}
                    checked={mode === value}
                    onChange={() => setMode(value)}
                    className="mt-0.5 accent-primary"
                  />
                  <span>
                    <span className="block font-medium">{t(`tariffs.import.${value}`)}</span>
                    <span className="block text-xs text-muted-foreground">{t(`tariffs.import.${value}Hint`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div
              className={cn(
                "flex flex-col items-center gap-2 rounded-md border border-dashed p-6 text-center transition-colors",
                dragging && "border-primary bg-primary/5",
              )}
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(event) => {
                event.preventDefault();
                setDragging(false);
                take(event.dataTransfer.files[0]);
              }}
              data-testid="rate-import-drop"
            >
              {file ? (
                <div className="flex items-center gap-2 text-sm" data-testid="rate-import-file">
                  <FileTextIcon className="size-4" aria-hidden />
                  {t("tariffs.import.fileChosen", { name: file.name, size: size(file.size) })}
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon-sm"
                    onClick={() => setFile(null)}
                    aria-label={t("tariffs.import.removeFile")}
                  >
                    <XIcon aria-hidden />
                  </Button>
                </div>
              ) : (
                <>
                  <Button type="button" variant="outline" onClick={() => input.current?.click()}>
                    <UploadIcon aria-hidden /> {t("tariffs.import.chooseFile")}
                  </Button>
                  <span className="text-xs text-muted-foreground">{t("tariffs.import.dropHint")}</span>
                </>
              )}
              <input
                ref={input}
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                className="sr-only"
                tabIndex={-1}
                aria-hidden
                data-testid="rate-import-input"
                onChange={(event) => {
                  take(event.target.files?.[0]);
                  event.target.value = "";
                }}
              />
            </div>
            <p className="text-xs text-muted-foreground">
              {t("tariffs.import.columns", {
                columns: RATE_CSV_COLUMNS.join(";"),
                max: "10 MB",
                rows: number.format(RATE_IMPORT_MAX_ROWS),
              })}
            </p>
            <div className="grid gap-2">
              <Label htmlFor={noteId}>
                {t("tariffs.import.note")} <span className="font-normal text-muted-foreground">({t("common.optional")})</span>
              </Label>
              <Input
                id={noteId}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t("tariffs.import.notePlaceholder")}
                maxLength={200}
              />
            </div>
            {problem && (
              <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
                {problem}
              </p>
            )}
          </div>
        )}

        <DialogFooter className="sm:justify-between">
          <Button
            type="button"
            variant="ghost"
            disabled={working}
            onClick={() =>
              downloadText(locale === "pt-BR" ? "modelo-tarifas.csv" : "rates-template.csv", `\uFEFF${TEMPLATE.join("\r\n")}\r\n`)
            }
          >
            <DownloadIcon aria-hidden /> {t("tariffs.import.template")}
          </Button>
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={working}>
              {t("common.close")}
            </Button>
            {done ? (
              <Button type="button" onClick={() => (setFile(null), setPhase({ step: "choose" }))}>
                {t("tariffs.import.again")}
              </Button>
            ) : (
              <Button type="button" disabled={working || !file} onClick={() => void start()}>
                {working && <Spinner aria-hidden />}
                {t("tariffs.import.submit")}
              </Button>
            )}
          </div>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
