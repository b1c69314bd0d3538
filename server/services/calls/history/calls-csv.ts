import { getDictionary, translate, type Locale } from "@/lib/i18n";
import type { CallView } from "@/lib/schemas/calls";
import { toCsv, type CsvCell } from "@/server/services/leads/leads-csv";
import { HISTORY_TIME_ZONE } from "./history-days";

// sv-SE formats as "2026-03-01 14:05:09", which every spreadsheet reads as a date and time.
const timeFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: HISTORY_TIME_ZONE, dateStyle: "short", timeStyle: "medium" });

/** Digits with an optional leading +: safe to write as they are (no formula, no delimiter). */
const number = (value: string | null): CsvCell => (value === null ? null : /^\+?[0-9]{1,40}$/.test(value) ? { raw: value } : value);

/**
 * The history as CSV in pieces, for a streamed download: `header()` once (with the BOM), then
 * `rows()` per page. Same format as the leads export (server/services/leads/leads-csv.ts: Excel's
 * delimiter for the locale, formula-injection guard); times in São Paulo.
 */
export function callsCsv(locale: Locale) {
  const dict = getDictionary(locale);
  const t = (key: Parameters<typeof translate>[1]) => translate(dict, key);
  const delimiter = locale === "pt-BR" ? ";" : ",";
  const columns = [
    "startedAt",
    "direction",
    "from",
    "to",
    "extension",
    "user",
    "lead",
    "duration",
    "talk",
    "disposition",
    "outcome",
    "transferredTo",
  ] as const;
  const row = (call: CallView): CsvCell[] => [
    timeFormat.format(new Date(call.startedAt)),
    t(`calls.direction.${call.direction}`),
    number(call.fromNumber),
    number(call.toNumber),
    number(call.extensionNumber),
    call.userName,
    call.leadName,
    call.durationSec,
    call.billsec,
    call.disposition ? t(`calls.disposition.${call.disposition}`) : t(`calls.state.${call.state}`),
    call.outcome ? t(`calls.outcome.${call.outcome}`) : null,
    number(call.transferredTo),
  ];
  return {
    header: () => toCsv([columns.map((c) => t(`callHistory.csv.${c}`))], delimiter),
    // toCsv starts every text with the BOM; only the file's first piece may carry it.
    rows: (calls: CallView[]) => (calls.length === 0 ? "" : toCsv(calls.map(row), delimiter).slice(1)),
  };
}
