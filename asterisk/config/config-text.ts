import { ConfigValueError } from "./config-value-error";
import type { GeneratedFile } from "./model";
import { HEADER } from "./names";

// Text assembly shared by the renderers, and the last line of defence: whatever the validation
// missed, a finished file whose lines could be read as more than one config statement is refused.

export type Pair = readonly [key: string, value: string | number];

/** A PJSIP object: `[name]`, `type=…` first, then the options. */
export function pjsipSection(lines: string[], name: string, type: string, options: Pair[]): void {
  lines.push(`[${name}]`, `type=${type}`);
  for (const [key, value] of options) lines.push(`${key}=${value}`);
  lines.push("");
}

/** One dialplan extension: `exten => ext,1,first` then ` same => n,…` (labels as `n(label)`). */
export function exten(lines: string[], name: string, steps: Step[]): void {
  steps.forEach((step, index) => {
    const app = typeof step === "string" ? step : step.app;
    const label = typeof step === "string" ? "" : `(${step.label})`;
    lines.push(index === 0 ? `exten => ${name},1${label},${app}` : ` same => n${label},${app}`);
  });
}

export type Step = string | { label: string; app: string };

// Printable ASCII only; a `;` after the start of a line (outside a comment) would start a comment
// and cut the value short. Two regexes over the whole text: the benchmark's 14 MB take milliseconds.
const UNSAFE_BODY = /[^\x20-\x7e\n]/;
const SEMICOLON_IN_VALUE = /^[^;\n]+;/m;

export function finishFile(file: GeneratedFile, lines: string[]): string {
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const body = lines.join("\n");
  if (UNSAFE_BODY.test(body)) throw new ConfigValueError(file, "*", "*", "non-printable or non-ASCII text in the output");
  if (SEMICOLON_IN_VALUE.test(body)) throw new ConfigValueError(file, "*", "*", "a `;` outside a comment");
  return body === "" ? `${HEADER}\n` : `${HEADER}\n\n${body}\n`;
}
