// A node's diff holds every tenant's configuration; a tenant admin may see only its own. A piece of
// a hunk is shown to tenant `code` when the names in it (sections, endpoints, contexts, `tenantid=`) point at
// that tenant and at no other, judged per section. Ambiguous names count for every tenant they
// could belong to, so an unclear piece is dropped rather than shown: this filter may hide too much,
// never too little.

/** The operator's shared names (`gw_<gateway>`, `linha_<context>`): not a tenant, not a secret. */
const SHARED_PREFIXES = new Set(["gw", "linha"]);

/** Tenant codes a line may refer to. */
export function tenantCodesIn(line: string): Set<string> {
  const codes = new Set<string>();
  // Comments name tenants in words ("; ===== tenant acme =====").
  if (line.trimStart().startsWith(";")) {
    for (const match of line.matchAll(/\btenant\s+([a-z0-9-]+)/gi)) codes.add(match[1]!.toLowerCase());
    return codes;
  }
  // Option names (`max_contacts=`) are not names of things: look only at what follows `=` / `=>`.
  const value = line.replace(/^\s*[A-Za-z_][A-Za-z0-9_]*\s*=>?/, "");
  for (const match of value.matchAll(/tenantid\)?\s*=\s*([a-z0-9-]+)/gi)) codes.add(match[1]!.toLowerCase());
  for (const token of value.match(/[a-z0-9_-]+/g) ?? []) {
    const parts = token.split("_");
    if (parts.length < 2 || parts.some((p) => p === "")) continue;
    if (parts[0] !== "t") codes.add(parts[0]!);
    else {
      // `t_<code>_…` and `t_<code>` are tenant contexts; `t_<digits>` may also be tenant "t"'s extension.
      codes.add(parts[1]!);
      if (parts.length === 2 && /^[0-9]+$/.test(parts[1]!)) codes.add("t");
    }
  }
  for (const shared of SHARED_PREFIXES) codes.delete(shared);
  return codes;
}

type FileDiff = { header: string[]; hunks: string[][] };

function parse(diff: string): FileDiff[] {
  const files: FileDiff[] = [];
  let file: FileDiff | null = null;
  let hunk: string[] | null = null;
  for (const line of diff.split("\n")) {
    if (line.startsWith("--- ")) {
      file = { header: [line], hunks: [] };
      files.push(file);
      hunk = null;
    } else if (line.startsWith("+++ ") && file && file.hunks.length === 0 && !hunk) file.header.push(line);
    else if (line.startsWith("@@") && file) {
      hunk = [line];
      file.hunks.push(hunk);
    } else if (hunk && line !== "") hunk.push(line);
  }
  return files;
}

type Group = { oldStart: number; newStart: number; lines: string[] };

/**
 * Cuts a hunk at its section headers (`[name]`): each piece is judged on its own, so the first
 * write of a file (one hunk with every tenant) still shows each tenant its own sections. Every
 * piece is a contiguous part of the hunk, so it is printed as a hunk of its own with its own range.
 */
function groups(hunk: string[]): Group[] {
  const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@/.exec(hunk[0]!);
  // An empty side is written as the line before it ("-0,0"): count from the next one.
  let oldLine = Number(header?.[1] ?? 1) + (header?.[2] === "0" ? 1 : 0);
  let newLine = Number(header?.[3] ?? 1) + (header?.[4] === "0" ? 1 : 0);
  const out: Group[] = [];
  let current: Group | null = null;
  for (const line of hunk.slice(1)) {
    if (!/^[ +-]/.test(line)) continue;
    const content = line.slice(1).trimStart();
    // A section header or a banner comment starts a new piece.
    if (!current || content.startsWith("[") || content.startsWith(";")) {
      current = { oldStart: oldLine, newStart: newLine, lines: [] };
      out.push(current);
    }
    current.lines.push(line);
    if (line[0] !== "+") oldLine++;
    if (line[0] !== "-") newLine++;
  }
  return out;
}

function printGroup(group: Group): string[] {
  const oldCount = group.lines.filter((l) => l[0] !== "+").length;
  const newCount = group.lines.filter((l) => l[0] !== "-").length;
  const oldStart = oldCount ? group.oldStart : group.oldStart - 1;
  const newStart = newCount ? group.newStart : group.newStart - 1;
  return [`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...group.lines];
}

export function filterDiffForTenant(diff: string, code: string): string {
  const out: string[] = [];
  for (const file of parse(diff)) {
    const kept: string[] = [];
    for (const hunk of file.hunks) {
      for (const group of groups(hunk)) {
        // Pieces that change nothing (context only) are not worth showing.
        if (!group.lines.some((l) => l[0] !== " ")) continue;
        const codes = new Set<string>();
        for (const line of group.lines) for (const c of tenantCodesIn(line.slice(1))) codes.add(c);
        if (codes.has(code) && codes.size === 1) kept.push(...printGroup(group));
      }
    }
    if (kept.length > 0) out.push(...file.header, ...kept);
  }
  return out.length ? `${out.join("\n")}\n` : "";
}
