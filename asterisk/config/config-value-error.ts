import type { GeneratedFile } from "./model";

/**
 * A value the renderer refuses to write: it failed its allow-list, points at something the model
 * does not contain, or would give two sections the same name. The message names the file, the
 * section and the field — never the value itself, which may be a secret or hostile text.
 */
export class ConfigValueError extends Error {
  readonly file: GeneratedFile;
  readonly section: string;
  readonly field: string;
  readonly reason: string;

  constructor(file: GeneratedFile, section: string, field: string, reason: string) {
    super(`${file} [${section}] ${field}: ${reason}`);
    this.name = "ConfigValueError";
    this.file = file;
    this.section = section;
    this.field = field;
    this.reason = reason;
  }
}
