import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { AmiClient } from "@/asterisk/ami/types";
import { GENERATED_FILES } from "@/asterisk/config/model";
import { readFileOrNull, removeStaleTempFiles, writeFileAtomic, type AtomicWriteHooks } from "./atomic-file";
import { backUpFiles, restoreBackup, type BackupSet } from "./config-backups";
import { reloadAndVerify, reloadTargetsFor, sortReloadTargets, type ReloadTarget, type Verification } from "./reload-asterisk";
import { joinDiffs, unifiedDiff } from "./unified-diff";

// One node's sync on disk and over AMI: compare → back up → atomic write → reload → verify, and on
// any failure restore the previous bytes and reload again. No database here: the caller renders
// the files, records the outcome and serialises runs per node (server/services/pbx/run-pbx-sync).

export type SyncFilesStatus = "applied" | "unchanged" | "not_reloaded" | "failed";

export type SyncFilesOptions = {
  /** A logged-in AMI client, or null when the node cannot be reached (the files are still written). */
  ami: AmiClient | null;
  /** Why `ami` is null (shown in the sync's output). */
  amiUnavailableReason?: string;
  backupsToKeep?: number;
  /** Modules written by an earlier run but never reloaded: reloaded now even if nothing changed. */
  pendingReload?: readonly string[];
  verify?: Verification;
  /** Only for tests: inject a failure or a crash between write and rename. */
  hooks?: AtomicWriteHooks;
};

export type SyncFilesResult = {
  status: SyncFilesStatus;
  /** SHA-256 of the rendered file set. */
  checksum: string;
  changedFiles: string[];
  /** What still needs a reload after this run (the PBX was unreachable, or the rollback could not reload). */
  pendingReload: ReloadTarget[];
  /** Unified diff of the change (secrets masked, capped), null when nothing changed. */
  diff: string | null;
  /** Asterisk's answers, or why the run failed or could not reload. */
  output: string;
  removedTempFiles: string[];
};

const OUTPUT_CAP = 64 * 1024;

/** One checksum for the whole file set, in a fixed file order, so equal sets always agree. */
export function configChecksum(rendered: Readonly<Record<string, string>>): string {
  const hash = createHash("sha256");
  const names = [
    ...GENERATED_FILES.filter((f) => f in rendered),
    ...Object.keys(rendered)
      .filter((f) => !(GENERATED_FILES as readonly string[]).includes(f))
      .sort(),
  ];
  for (const name of names) {
    const bytes = Buffer.from(rendered[name]!, "utf8");
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

function assertPlainFileName(name: string): void {
  if (!/^[A-Za-z0-9_.-]+\.conf$/.test(name)) throw new Error(`refusing to write ${JSON.stringify(name)}: not a config file name`);
}

function output(lines: string[]): string {
  const text = lines.filter((line) => line !== "").join("\n");
  return text.length > OUTPUT_CAP ? `${text.slice(0, OUTPUT_CAP)}\n…` : text;
}

export async function syncConfigFiles(
  dir: string,
  rendered: Readonly<Record<string, string>>,
  options: SyncFilesOptions,
): Promise<SyncFilesResult> {
  const files = Object.keys(rendered);
  files.forEach(assertPlainFileName);
  await mkdir(dir, { recursive: true });
  const removedTempFiles = await removeStaleTempFiles(dir);
  const checksum = configChecksum(rendered);
  const previouslyPending = sortReloadTargets(options.pendingReload ?? []);
  const base = { checksum, removedTempFiles };

  const before = new Map<string, Buffer | null>();
  for (const file of files) before.set(file, await readFileOrNull(join(dir, file)));
  const changedFiles = files.filter((file) => !before.get(file)?.equals(Buffer.from(rendered[file]!, "utf8")));

  if (changedFiles.length === 0) {
    if (previouslyPending.length === 0) return { ...base, status: "unchanged", changedFiles, pendingReload: [], diff: null, output: "" };
    return reloadPending(options, previouslyPending, base);
  }

  const diff = joinDiffs(changedFiles.map((file) => unifiedDiff(file, before.get(file)?.toString("utf8") ?? "", rendered[file]!)));
  const backup = await backUpFiles(dir, changedFiles, options.backupsToKeep ?? 10);
  const changed = { ...base, changedFiles, diff };

  const written: string[] = [];
  try {
    for (const file of changedFiles) {
      await writeFileAtomic(dir, file, rendered[file]!, options.hooks);
      written.push(file);
    }
  } catch (error) {
    await restoreBackup(dir, backup, written);
    const reason = `Could not write the configuration files: ${error instanceof Error ? error.message : String(error)}`;
    return {
      ...changed,
      status: "failed",
      pendingReload: previouslyPending,
      output: output([reason, "The previous files were restored."]),
    };
  }

  const targets = sortReloadTargets([...reloadTargetsFor(changedFiles), ...previouslyPending]);
  if (!options.ami) {
    return { ...changed, status: "not_reloaded", pendingReload: targets, output: notReloadedText(options.amiUnavailableReason) };
  }
  const outcome = await reloadAndVerify(options.ami, targets, options.verify ?? {});
  if (outcome.kind === "ok") return { ...changed, status: "applied", pendingReload: [], output: output(outcome.log) };
  if (outcome.kind === "unreachable") {
    return {
      ...changed,
      status: "not_reloaded",
      pendingReload: targets,
      output: output([notReloadedText(outcome.reason), ...outcome.log]),
    };
  }
  return rollBack(dir, backup, options.ami, targets, outcome, changed);
}

function notReloadedText(reason: string | undefined): string {
  return `Asterisk was not reloaded: the PBX could not be reached over AMI (${reason ?? "not connected"}). The new files were written and will be loaded by the next reload or restart.`;
}

async function reloadPending(
  options: SyncFilesOptions,
  pending: ReloadTarget[],
  base: { checksum: string; removedTempFiles: string[] },
): Promise<SyncFilesResult> {
  const unchanged = { ...base, changedFiles: [], diff: null };
  if (!options.ami)
    return { ...unchanged, status: "not_reloaded", pendingReload: pending, output: notReloadedText(options.amiUnavailableReason) };
  const outcome = await reloadAndVerify(options.ami, pending, options.verify ?? {});
  if (outcome.kind === "ok") return { ...unchanged, status: "applied", pendingReload: [], output: output(outcome.log) };
  if (outcome.kind === "unreachable") {
    return {
      ...unchanged,
      status: "not_reloaded",
      pendingReload: pending,
      output: output([notReloadedText(outcome.reason), ...outcome.log]),
    };
  }
  // Nothing was written by this run, so there is nothing to restore: the files stay pending.
  return { ...unchanged, status: "failed", pendingReload: pending, output: output([outcome.reason, ...outcome.log]) };
}

async function rollBack(
  dir: string,
  backup: BackupSet,
  ami: AmiClient,
  targets: ReloadTarget[],
  failure: { reason: string; log: string[] },
  changed: { checksum: string; removedTempFiles: string[]; changedFiles: string[]; diff: string },
): Promise<SyncFilesResult> {
  await restoreBackup(dir, backup);
  // The restored files are loaded again; their endpoint count is not known here, so only the reload answers count.
  const again = await reloadAndVerify(ami, targets, {});
  const lines = [failure.reason, ...failure.log, "The previous files were restored.", ...again.log];
  if (again.kind !== "ok") lines.push(`The reload after restoring failed too: ${again.kind === "failed" ? again.reason : again.reason}`);
  return { ...changed, status: "failed", pendingReload: again.kind === "ok" ? [] : targets, output: output(lines) };
}
