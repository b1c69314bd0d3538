"use client";

import { CopyIcon, DownloadIcon, TriangleAlertIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";

/** One SIP account whose password was just generated. */
export type IssuedSecret = { label: string; username: string; secret: string };

function csvOf(rows: IssuedSecret[], header: [string, string, string]): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...rows.map((r) => [r.label, r.username, r.secret])].map((line) => line.map(cell).join(",")).join("\n");
}

/**
 * Shows SIP passwords the server returned this once (create, create-for-all, regenerate): they are
 * kept nowhere else in the browser, so the dialog says so and offers copy and CSV download.
 * Closing it drops them.
 */
export function SecretOnceDialog({
  title,
  secrets,
  onClose,
  labelHeader,
}: {
  title: string;
  secrets: IssuedSecret[] | null;
  onClose: () => void;
  /** The first column's heading (default: the extension number). */
  labelHeader?: string;
}) {
  const { t } = useI18n();
  const rows = secrets ?? [];
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(t("telephony.extensions.secret.copied"));
    } catch {
      toast.error(t("telephony.extensions.secret.copyFailed"));
    }
  };
  const header: [string, string, string] = [
    labelHeader ?? t("telephony.extensions.column.number"),
    t("telephony.extensions.secret.username"),
    t("telephony.extensions.secret.password"),
  ];
  const download = () => {
    const url = URL.createObjectURL(new Blob([csvOf(rows, header)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "sip-credentials.csv";
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Dialog open={secrets !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl" data-testid="secret-once-dialog">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription className="flex items-start gap-2 text-warning">
            <TriangleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
            {t("telephony.extensions.secret.warning")}
          </DialogDescription>
        </DialogHeader>
        <div className="max-h-[50vh] overflow-y-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                {header.map((h) => (
                  <TableHead key={h}>{h}</TableHead>
                ))}
                <TableHead className="w-12">
                  <span className="sr-only">{t("telephony.extensions.secret.copy")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.username}>
                  <TableCell className="font-medium">{row.label}</TableCell>
                  <TableCell className="font-mono text-xs">{row.username}</TableCell>
                  <TableCell className="font-mono text-xs select-all" data-testid="issued-secret">
                    {row.secret}
                  </TableCell>
                  <TableCell>
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      aria-label={`${t("telephony.extensions.secret.copy")} ${row.username}`}
                      onClick={() => void copy(row.secret)}
                    >
                      <CopyIcon aria-hidden />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <DialogFooter className="gap-2 sm:justify-between">
          <div className="flex gap-2">
            {rows.length > 1 && (
              <Button type="button" variant="outline" onClick={() => void copy(csvOf(rows, header))}>
                <CopyIcon aria-hidden /> {t("telephony.extensions.secret.copyAll")}
              </Button>
            )}
            <Button type="button" variant="outline" onClick={download}>
              <DownloadIcon aria-hidden /> {t("telephony.extensions.secret.downloadCsv")}
            </Button>
          </div>
          <Button type="button" onClick={onClose}>
            {t("telephony.extensions.secret.done")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
