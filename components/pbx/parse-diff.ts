// Splits a unified diff (as asterisk/sync writes it) into files for display. Client-side only:
// the diff text is already masked and, for tenants, already limited to their own sections.

export type DiffLineKind = "add" | "remove" | "context" | "hunk" | "note";
export type DiffLine = { kind: DiffLineKind; text: string };
export type DiffFile = { name: string; lines: DiffLine[]; added: number; removed: number };

export function parseUnifiedDiff(diff: string): { files: DiffFile[]; truncated: boolean } {
  const files: DiffFile[] = [];
  let file: DiffFile | null = null;
  let truncated = false;
  for (const line of diff.split("\n")) {
    if (line.startsWith("--- a/")) continue;
    if (line.startsWith("+++ b/")) {
      file = { name: line.slice(4).replace(/^b\//, ""), lines: [], added: 0, removed: 0 };
      files.push(file);
    } else if (line.startsWith("\\ diff truncated")) truncated = true;
    else if (!file || line === "") continue;
    else if (line.startsWith("@@")) file.lines.push({ kind: "hunk", text: line });
    else if (line.startsWith("+")) {
      file.lines.push({ kind: "add", text: line.slice(1) });
      file.added++;
    } else if (line.startsWith("-")) {
      file.lines.push({ kind: "remove", text: line.slice(1) });
      file.removed++;
    } else if (line.startsWith(" ")) file.lines.push({ kind: "context", text: line.slice(1) });
    else file.lines.push({ kind: "note", text: line });
  }
  return { files, truncated };
}
