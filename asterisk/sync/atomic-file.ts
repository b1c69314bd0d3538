import { randomBytes } from "node:crypto";
import { open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";

// Asterisk may read a config file at any moment (a reload someone else started, a restart), so a
// file is never written in place: the new bytes go to a temporary file in the same directory
// (same file system, so the rename is atomic), are fsync'ed, then renamed over the old name, and
// the directory is fsync'ed so the rename itself survives a power cut. A crash at any point leaves
// either the old file or the new one, plus at worst a stray temporary file that the next sync removes.

const TEMP_MARK = ".tmp-";
const TEMP_FILE = /\.tmp-\d+-[0-9a-f]+$/;

export type AtomicWriteHooks = {
  /** Called after the temporary file is written and fsync'ed, before the rename (tests simulate a crash here). */
  beforeRename?: (file: string, tempPath: string) => void | Promise<void>;
};

export function tempPathFor(dir: string, file: string): string {
  return join(dir, `${file}${TEMP_MARK}${process.pid}-${randomBytes(4).toString("hex")}`);
}

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `content` to `<dir>/<file>` atomically (temp + fsync + rename + directory fsync). */
export async function writeFileAtomic(dir: string, file: string, content: string | Buffer, hooks: AtomicWriteHooks = {}): Promise<void> {
  const tempPath = tempPathFor(dir, file);
  const handle = await open(tempPath, "wx", 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await hooks.beforeRename?.(file, tempPath);
    await rename(tempPath, join(dir, file));
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}

/** The file's bytes, or null when it does not exist. */
export async function readFileOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes temporary files a crashed sync left behind; returns their names. */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const stale = (await readdir(dir)).filter((name) => TEMP_FILE.test(name));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale;
}
