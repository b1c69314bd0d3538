"use client";

import { ChevronDownIcon, ChevronRightIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { parseUnifiedDiff, type DiffFile, type DiffLineKind } from "./parse-diff";

/** Files with more changed lines than this start collapsed. */
const OPEN_UP_TO = 200;

const LINE_CLASS: Record<DiffLineKind, string> = {
  add: "bg-success/10 text-success",
  remove: "bg-destructive/10 text-destructive",
  context: "text-foreground/80",
  hunk: "bg-muted text-muted-foreground",
  note: "text-muted-foreground italic",
};

const MARK: Record<DiffLineKind, string> = { add: "+", remove: "−", context: " ", hunk: "", note: "" };

function FileDiff({ file }: { file: DiffFile }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(file.added + file.removed <= OPEN_UP_TO);
  const Icon = open ? ChevronDownIcon : ChevronRightIcon;
  return (
    <div className="overflow-hidden rounded-md border" data-testid="pbx-diff-file" data-file={file.name}>
      <button
        type="button"
        className="flex w-full items-center gap-2 bg-muted/50 px-3 py-2 text-left text-sm font-medium hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        aria-expanded={open}
        aria-label={t(open ? "pbx.diff.collapse" : "pbx.diff.expand", { file: file.name })}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon className="size-4 shrink-0" aria-hidden />
        <span className="font-mono">{file.name}</span>
        <span className="ml-auto flex gap-2 font-mono text-xs">
          <span className="text-success">{t("pbx.diff.added", { count: file.added })}</span>
          <span className="text-destructive">{t("pbx.diff.removed", { count: file.removed })}</span>
        </span>
      </button>
      {open && (
        <pre className="max-h-[28rem] overflow-auto text-xs leading-5" tabIndex={0} aria-label={file.name}>
          <code className="block min-w-max">
            {file.lines.map((line, index) => (
              <span key={index} className={cn("block px-3 whitespace-pre", LINE_CLASS[line.kind])}>
                <span aria-hidden className="inline-block w-4 select-none">
                  {MARK[line.kind]}
                </span>
                {line.text}
              </span>
            ))}
          </code>
        </pre>
      )}
    </div>
  );
}

export type SyncDiffProps = {
  /** A unified diff as asterisk/sync records it (secrets masked). */
  diff: string | null;
  /** A line under the title (e.g. "only your company's lines are shown"). */
  note?: string;
};

/** A readable unified diff: one collapsible block per file, added lines green, removed lines red. */
export function SyncDiff({ diff, note }: SyncDiffProps) {
  const { t } = useI18n();
  const { files, truncated } = useMemo(() => parseUnifiedDiff(diff ?? ""), [diff]);
  if (files.length === 0) return <p className="text-sm text-muted-foreground">{t("pbx.diff.empty")}</p>;
  return (
    <div className="flex flex-col gap-2" data-testid="pbx-diff">
      {note && <p className="text-xs text-muted-foreground">{note}</p>}
      {files.map((file) => (
        <FileDiff key={file.name} file={file} />
      ))}
      {truncated && <p className="text-xs text-muted-foreground">{t("pbx.diff.truncated")}</p>}
    </div>
  );
}
