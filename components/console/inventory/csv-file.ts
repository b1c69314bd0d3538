import { DID_CSV_HEADER } from "@/lib/schemas/inventory";

/**
 * A chosen file's text. Spreadsheets in Portuguese often save CSV as Windows-1252, not UTF-8:
 * when the bytes are not valid UTF-8 they are read as Windows-1252, so "Telefônica" survives.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Data lines in a CSV text (the header and blank lines left out), for "importing N lines…". */
export function countDataLines(text: string): number {
  return Math.max(0, text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "").length - 1);
}

/** A template to fill in, starting with a BOM so spreadsheet programs open it as UTF-8. */
export function didCsvTemplate(providerName: string, gatewayName: string | undefined): string {
  const quote = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const rows = [
    DID_CSV_HEADER.join(","),
    ["(11) 3000-1000", quote(providerName), quote(gatewayName ?? ""), '"12,50"'].join(","),
    ["+55 21 3000-1001", quote(providerName), "", "9.90"].join(","),
  ];
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}

export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
