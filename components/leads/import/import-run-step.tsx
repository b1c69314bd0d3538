"use client";

import { AlertTriangleIcon, CheckCircle2Icon, DownloadIcon } from "lucide-react";
import { downloadText } from "@/components/console/inventory/csv-file";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { useI18n } from "@/components/providers/i18n-provider";
import { importReportCsv } from "./import-report-csv";
import type { ImportRun } from "./use-chunked-import";
import { useImportTexts } from "./use-import-texts";

type Props = { run: ImportRun; cancelling: boolean; failedChunk: { fromLine: number; toLine: number } | null };

/** Steps 4 and 5: the progress of the chunks, then what was imported and what was not. */
export function ImportRunStep({ run, cancelling, failedChunk }: Props) {
  const { t, tm, locale } = useI18n();
  const { fieldLabel, duplicateText, reason, count } = useImportTexts();
  const n = (value: number) => new Intl.NumberFormat(locale).format(value);
  const { totals } = run;
  const percent = totals.rowsTotal === 0 ? 100 : Math.round((totals.rowsDone / totals.rowsTotal) * 100);
  const notImported = totals.errors.length + totals.duplicates.length;

  function downloadReport() {
    const csv = importReportCsv(
      totals.errors,
      totals.duplicates,
      {
        columns: {
          line: t("leadImport.result.reportColumns.line"),
          field: t("leadImport.result.reportColumns.field"),
          problem: t("leadImport.result.reportColumns.problem"),
        },
        field: (f) => fieldLabel(f as never),
        reason,
        duplicate: duplicateText,
      },
      locale === "pt-BR" ? ";" : ",",
    );
    downloadText(t("leadImport.result.reportName"), csv);
  }

  if (run.state === "running") {
    return (
      <div className="flex flex-col gap-3 py-6" data-testid="lead-import-progress">
        <p className="font-medium">{t("leadImport.progress.title")}</p>
        <Progress value={percent} aria-label={t("leadImport.progress.label")} aria-valuetext={`${percent}%`} />
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {cancelling
            ? t("leadImport.progress.cancelling")
            : t("leadImport.progress.count", { done: n(totals.rowsDone), total: n(totals.rowsTotal) })}
        </p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3" data-testid="lead-import-result">
      <p role="status" className="flex items-center gap-2 font-medium">
        {run.state === "done" ? (
          <CheckCircle2Icon className="size-5 text-emerald-600 dark:text-emerald-400" aria-hidden />
        ) : (
          <AlertTriangleIcon className="size-5 text-amber-600 dark:text-amber-400" aria-hidden />
        )}
        {t(run.state === "done" ? "leadImport.result.title" : "leadImport.result.cancelledTitle")}
      </p>
      <Progress value={percent} aria-label={t("leadImport.progress.label")} />
      <ul className="text-sm">
        <li>{count("leadImport.result.imported", totals.imported)}</li>
        {totals.errors.length > 0 && <li className="text-destructive">{count("leadImport.result.errors", totals.errors.length)}</li>}
        {totals.duplicates.length > 0 && (
          <li>{count("leadImport.result.duplicatesSkipped", new Set(totals.duplicates.map((d) => d.line)).size)}</li>
        )}
      </ul>
      {run.failure && failedChunk && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {t("leadImport.result.failed", { from: failedChunk.fromLine, to: failedChunk.toLine, message: tm(run.failure) })}
        </p>
      )}
      {notImported > 0 && (
        <div>
          <Button type="button" variant="outline" onClick={downloadReport}>
            <DownloadIcon aria-hidden /> {t("leadImport.result.download")}
          </Button>
        </div>
      )}
    </div>
  );
}
