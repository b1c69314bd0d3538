import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fsyncDir, readFileOrNull, writeFileAtomic, type AtomicWriteHooks } from "./atomic-file";

// Before a sync replaces files, their current bytes are copied to `<dir>/.backups/<stamp>/`, with a
// manifest that also records which files did not exist yet (restoring those means removing them).
// Only the last N sets are kept. A set is complete once its manifest is written, so a crash while
// backing up leaves a set without manifest, which restore ignores and pruning removes.

export const BACKUP_DIR = ".backups";
const MANIFEST = "manifest.json";

export type BackupSet = {
  path: string;
  /** file name → its previous bytes, or null when it did not exist. */
  files: Map<string, Buffer | null>;
};

function stamp(now: Date): string {
  return `${now.toISOString().replace(/[-:.]/g, "")}-${randomBytes(3).toString("hex")}`;
}

/** Copies the current version of `files` into a new backup set, then prunes to `keep` sets. */
export async function backUpFiles(dir: string, files: string[], keep: number, now = new Date()): Promise<BackupSet> {
  const path = join(dir, BACKUP_DIR, stamp(now));
  await mkdir(path, { recursive: true });
  const saved = new Map<string, Buffer | null>();
  for (const file of files) {
    const current = await readFileOrNull(join(dir, file));
    saved.set(file, current);
    if (current) await writeFile(join(path, file), current, { mode: 0o640 });
  }
  const manifest = { createdAt: now.toISOString(), files: Object.fromEntries([...saved].map(([f, b]) => [f, b !== null])) };
  await writeFile(join(path, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await fsyncDir(path);
  await pruneBackups(dir, keep);
  return { path, files: saved };
}

/**
 * Puts the files of the set back as they were, byte for byte (atomically), or removes those that did
 * not exist. `only` limits it to the files actually replaced: the others were never touched.
 */
export async function restoreBackup(dir: string, backup: BackupSet, only?: readonly string[], hooks: AtomicWriteHooks = {}): Promise<void> {
  for (const [file, bytes] of backup.files) {
    if (only && !only.includes(file)) continue;
    if (bytes === null) await rm(join(dir, file), { force: true });
    else await writeFileAtomic(dir, file, bytes, hooks);
  }
  await fsyncDir(dir);
}

/** Keeps the newest `keep` backup sets (names sort by time). */
export async function pruneBackups(dir: string, keep: number): Promise<void> {
  const root = join(dir, BACKUP_DIR);
  const sets = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const excess = sets.slice(0, Math.max(0, sets.length - Math.max(1, keep)));
  await Promise.all(excess.map((name) => rm(join(root, name), { recursive: true, force: true })));
}

export async function listBackupSets(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, BACKUP_DIR))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
