// Run by sync-config-files.test.ts as a child process (`tsx`): a sync that is killed with SIGKILL
// after the temporary file is written and fsync'ed, before the rename. Arguments: <dir> <rendered.json>.
import { readFileSync } from "node:fs";
import { syncConfigFiles } from "./sync-config-files";

const [dir, renderedPath] = process.argv.slice(2);
if (!dir || !renderedPath) throw new Error("usage: crash-before-rename.fixture.ts <dir> <rendered.json>");
const rendered = JSON.parse(readFileSync(renderedPath, "utf8")) as Record<string, string>;
await syncConfigFiles(dir, rendered, {
  ami: null,
  hooks: {
    beforeRename: () => {
      process.kill(process.pid, "SIGKILL");
      return new Promise<void>(() => undefined);
    },
  },
});
// Never reached: the process dies before the first rename.
process.exit(3);
