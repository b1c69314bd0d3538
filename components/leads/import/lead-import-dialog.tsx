"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { LeadImportDuplicateMode, LeadImportField, LeadImportPreview } from "@/lib/schemas/lead-import";
import { ImportFileStep } from "./import-file-step";
import { ImportMappingStep } from "./import-mapping-step";
import { ImportReportStep } from "./import-report-step";
import { ImportRunStep } from "./import-run-step";
import { useChunkedImport, type ImportJob } from "./use-chunked-import";
import { useImportTexts } from "./use-import-texts";

type Step = "file" | "mapping" | "report" | "run";
const STEPS: Step[] = ["file", "mapping", "report", "run"];
const STEP_NAME = { file: "file", mapping: "mapping", report: "report", run: "importing" } as const;

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

/** The import wizard: file → column mapping → dry-run report → chunked import → result. */
export function LeadImportDialog({ open, onOpenChange }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>("file");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<LeadImportPreview | null>(null);
  const [mapping, setMapping] = useState<(LeadImportField | null)[]>([]);
  const [duplicates, setDuplicates] = useState<LeadImportDuplicateMode>("skip");
  const [job, setJob] = useState<ImportJob | null>(null);
  const importer = useChunkedImport();
  const { count } = useImportTexts();

  const previewMutation = useMutation(trpc.leads.import.preview.mutationOptions());
  const running = importer.run.state === "running";
  const busy = previewMutation.isPending || running;

  function restart() {
    setStep("file");
    setFile(null);
    setProblem(null);
    setPreview(null);
    setDuplicates("skip");
    setJob(null);
    importer.reset();
  }

  useEffect(() => {
    if (open) restart();
    // Start over each time the dialog opens, and only then (restart is a new function each render).
  }, [open]);

  function check(text: string, withMapping?: (LeadImportField | null)[]) {
    setProblem(null);
    previewMutation.mutate(
      { csv: text, mapping: withMapping },
      {
        onSuccess: (result) => {
          setPreview(result);
          setMapping(result.mapping);
          setStep(withMapping ? "report" : "mapping");
        },
        onError: (error) => setProblem(error.message),
      },
    );
  }

  async function startImport() {
    if (!file || !preview) return;
    const next: ImportJob = { csv: file.text, fileName: file.name, mapping, duplicates, chunks: preview.chunks };
    setJob(next);
    setStep("run");
    finish(await importer.start(next));
  }

  async function retry() {
    if (job) finish(await importer.resume(job));
  }

  function finish(run: Awaited<ReturnType<typeof importer.start>>) {
    void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
    if (run.state === "failed") return;
    const { imported, errors } = run.totals;
    const parts = [count("leadImport.result.imported", imported)];
    if (errors.length > 0) parts.push(count("leadImport.result.errors", errors.length));
    toast.success(parts.join(", "));
  }

  const toImport = preview ? preview.valid - (duplicates === "skip" ? preview.duplicateRows : 0) : 0;
  const failedChunk = job && importer.run.state === "failed" ? (job.chunks[importer.run.totals.next] ?? null) : null;
  const stepIndex = STEPS.indexOf(step);

  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent className="max-h-[92svh] overflow-y-auto sm:max-w-3xl" data-testid="lead-import-dialog">
        <DialogHeader>
          <DialogTitle>{t("leadImport.title")}</DialogTitle>
          <DialogDescription>
            {t("leadImport.steps.progress", {
              current: stepIndex + 1,
              total: STEPS.length,
              name: t(`leadImport.steps.${STEP_NAME[step]}`),
            })}
            {file && step !== "file" ? ` · ${file.name}` : ""}
          </DialogDescription>
        </DialogHeader>

        {step === "file" && (
          <ImportFileStep
            busy={previewMutation.isPending}
            problem={problem}
            onProblem={setProblem}
            onFile={(chosen) => {
              setFile(chosen);
              check(chosen.text);
            }}
          />
        )}
        {step === "mapping" && preview && (
          <ImportMappingStep
            header={preview.header}
            sample={preview.sample}
            mapping={mapping}
            onChange={setMapping}
            ownerIgnored={preview.ownerIgnored}
          />
        )}
        {step === "report" && preview && <ImportReportStep preview={preview} duplicates={duplicates} onDuplicatesChange={setDuplicates} />}
        {step === "run" && <ImportRunStep run={importer.run} cancelling={importer.cancelling} failedChunk={failedChunk} />}
        {problem && step !== "file" && (
          <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {tm(problem)}
          </p>
        )}

        <DialogFooter>
          {step === "mapping" && (
            <>
              <Button type="button" variant="outline" onClick={() => setStep("file")} disabled={busy}>
                {t("leadImport.report.back")}
              </Button>
              <Button type="button" onClick={() => file && check(file.text, mapping)} disabled={busy || !mapping.includes("name")}>
                {previewMutation.isPending && <Spinner aria-hidden />}
                {t("leadImport.mapping.check")}
              </Button>
            </>
          )}
          {step === "report" && (
            <>
              <Button type="button" variant="outline" onClick={() => setStep("mapping")}>
                {t("leadImport.report.back")}
              </Button>
              <Button type="button" onClick={() => void startImport()} disabled={toImport <= 0}>
                {toImport > 0 ? count("leadImport.report.start", toImport) : t("leadImport.report.nothingToImport")}
              </Button>
            </>
          )}
          {step === "run" && running && (
            <Button type="button" variant="outline" onClick={importer.cancel} disabled={importer.cancelling}>
              {t("leadImport.progress.cancel")}
            </Button>
          )}
          {step === "run" && !running && (
            <>
              {importer.run.state === "failed" && (
                <Button type="button" variant="outline" onClick={() => void retry()}>
                  {t("leadImport.result.retry")}
                </Button>
              )}
              <Button type="button" variant="outline" onClick={restart}>
                {t("leadImport.result.again")}
              </Button>
              <Button type="button" onClick={() => onOpenChange(false)}>
                {t("leadImport.result.close")}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
