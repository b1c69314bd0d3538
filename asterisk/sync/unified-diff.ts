// A line-based unified diff (Myers' O(ND) algorithm) of the generated config files, shown to the
// operator after a sync. Secrets never leave the server in it: `password=`/`secret=` values and
// voicemail PINs are masked on the lines printed, after the comparison, so a changed secret still
// shows as a changed line. Big rewrites (thousands of edits) fall back to "replace the middle", which
// is still a correct diff, only not a minimal one, so the memory stays bounded.

const CONTEXT_LINES = 3;
/** Beyond this many edits in one file the minimal search stops (memory grows with its square). */
const MAX_EDIT_DISTANCE = 2000;
export const DIFF_CAP_BYTES = 256 * 1024;

type Op = { kind: " " | "-" | "+"; line: string };

const SECRET_LINE = /^(\s*(?:password|secret|md5_cred)\s*=\s*)\S.*$/i;
// voicemail.conf: `mailbox => pin,full name,email,…`: the PIN is a secret.
const VOICEMAIL_LINE = /^(\s*[0-9A-Za-z_-]+\s*=>\s*)[^,]*/;

export function maskSecretLine(file: string, line: string): string {
  if (SECRET_LINE.test(line)) return line.replace(SECRET_LINE, "$1********");
  if (file.startsWith("voicemail") && VOICEMAIL_LINE.test(line)) return line.replace(VOICEMAIL_LINE, "$1********");
  return line;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The edit script of a against b (both already trimmed of their common prefix and suffix). */
function myers(a: string[], b: string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE); d++) {
    // Keep only the diagonals -d..d of this round: memory O(D²) rather than O(D·(N+M)).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], lastD: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = lastD; d > 0; d--) {
    const saved = trace[d]!;
    // saved[i] is diagonal k = i - d - 1 of the V array before round d.
    const at = (k: number) => saved[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x]! });
      y--;
    }
    if (x === prevX) ops.push({ kind: "+", line: b[--y]! });
    else ops.push({ kind: "-", line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: " ", line: a[--x]! });
    y--;
  }
  return ops.reverse();
}

function editScript(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = myers(midA, midB) ?? [
    ...midA.map((line) => ({ kind: "-" as const, line })),
    ...midB.map((line) => ({ kind: "+" as const, line })),
  ];
  return [
    ...a.slice(0, start).map((line) => ({ kind: " " as const, line })),
    ...middle,
    ...a.slice(endA).map((line) => ({ kind: " " as const, line })),
  ];
}

/** The unified diff of one file (`--- a/<file>` / `+++ b/<file>` / `@@` hunks), or "" when equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const ops = editScript(splitLines(before), splitLines(after));
  const out: string[] = [`--- a/${file}`, `+++ b/${file}`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === " ") i++;
    if (i >= ops.length) break;
    const hunkStart = Math.max(0, i - CONTEXT_LINES);
    let hunkEnd = i;
    // Extend the hunk while the next change is within 2×context lines of the last one.
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind !== " ") hunkEnd = j;
      else if (j - hunkEnd > 2 * CONTEXT_LINES) break;
    }
    const end = Math.min(ops.length, hunkEnd + CONTEXT_LINES + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let j = 0; j < hunkStart; j++) {
      if (ops[j]!.kind !== "+") oldLine++;
      if (ops[j]!.kind !== "-") newLine++;
    }
    const slice = ops.slice(hunkStart, end);
    const oldCount = slice.filter((op) => op.kind !== "+").length;
    const newCount = slice.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@`);
    for (const op of slice) out.push(`${op.kind}${maskSecretLine(file, op.line)}`);
    i = end;
  }
  return `${out.join("\n")}\n`;
}

/** The diffs of several files joined, cut at `cap` bytes (at a line boundary, with a marker). */
export function joinDiffs(diffs: string[], cap = DIFF_CAP_BYTES): string {
  const whole = diffs.filter(Boolean).join("");
  if (Buffer.byteLength(whole) <= cap) return whole;
  const marker = "\\ diff truncated\n";
  let cut = Buffer.from(whole)
    .subarray(0, cap - Buffer.byteLength(marker))
    .toString("utf8");
  cut = cut.slice(0, cut.lastIndexOf("\n") + 1);
  return `${cut}${marker}`;
}
