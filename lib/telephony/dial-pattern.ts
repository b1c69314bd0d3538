// Asterisk extension patterns, as outbound routes use them (`_0XX.`, `_+55XXXXXXXXXX.`, `5511999990000`).
// A pattern starts with `_`; then X = 0-9, Z = 1-9, N = 2-9, [15-7] = a set, `.` = one or more
// characters, `!` = zero or more; anything else is literal. Without `_` the whole text is literal.
// See https://docs.asterisk.org/Configuration/Dialplan/Pattern-Matching/ .

export type DialPatternError = "empty" | "too_long" | "bad_character" | "bad_set" | "wildcard_not_last" | "no_digits";

/** The characters a route pattern may contain; nothing here can end a dialplan line or application. */
const PATTERN_CHARS = /^[0-9XZNxzn.!+*#[\]-]+$/;

export type ParsedPattern = { ok: true; regex: RegExp; literal: boolean } | { ok: false; error: DialPatternError };

export function parseDialPattern(pattern: string): ParsedPattern {
  if (pattern.length === 0) return { ok: false, error: "empty" };
  if (pattern.length > 40) return { ok: false, error: "too_long" };
  if (!pattern.startsWith("_")) {
    return /^\+?[0-9*#]+$/.test(pattern)
      ? { ok: true, regex: new RegExp(`^${escape(pattern)}$`), literal: true }
      : { ok: false, error: "bad_character" };
  }
  const body = pattern.slice(1);
  if (!body || !PATTERN_CHARS.test(body)) return { ok: false, error: body ? "bad_character" : "empty" };
  let source = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "." || c === "!") {
      if (i !== body.length - 1) return { ok: false, error: "wildcard_not_last" };
      source += c === "." ? ".+" : ".*";
    } else if (c === "[") {
      const end = body.indexOf("]", i);
      const set = end === -1 ? "" : body.slice(i + 1, end);
      if (!/^[0-9](?:-[0-9])?(?:[0-9](?:-[0-9])?)*$/.test(set)) return { ok: false, error: "bad_set" };
      source += `[${set}]`;
      i = end;
    } else if (c === "]" || c === "-") {
      return { ok: false, error: "bad_set" };
    } else {
      source += CLASS[c.toUpperCase()] ?? escape(c);
    }
  }
  if (!/[0-9XZN[]/i.test(body)) return { ok: false, error: "no_digits" };
  return { ok: true, regex: new RegExp(`^${source}$`), literal: false };
}

const CLASS: Record<string, string> = { X: "[0-9]", Z: "[1-9]", N: "[2-9]" };

function escape(text: string): string {
  return text.replace(/[+*#.]/g, (c) => `\\${c}`);
}

export function isValidDialPattern(pattern: string): boolean {
  return parseDialPattern(pattern).ok;
}

/** Whether Asterisk would match `number` against `pattern` (false for an invalid pattern). */
export function matchesDialPattern(pattern: string, number: string): boolean {
  const parsed = parseDialPattern(pattern);
  return parsed.ok && parsed.regex.test(number);
}
