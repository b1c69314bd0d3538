import type { z } from "zod";
import { LeadFields } from "@/lib/schemas/lead";
import { leadImportMessage, type LeadImportField, type LeadImportProblem, type LeadImportRowError } from "@/lib/schemas/lead-import";
import type { LeadSource, LeadStatus } from "@/prisma/generated/client";
import type { CsvRecord } from "@/server/services/inventory/read-csv-records";
import { sourceFromText, statusFromText } from "./choice-labels";
import type { DuplicateKeys } from "./duplicate-keys";
import type { OwnerDirectory } from "./owner-directory";

export type LeadRowData = {
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  cnpj: string | null;
  source: LeadSource | undefined;
  status: LeadStatus | undefined;
  tags: string[];
  employees: number | null;
  notes: string | null;
  /** undefined: no owner given (the importer's choice applies). */
  ownerId: string | undefined;
};

export type ParsedLeadRow = { line: number; data: LeadRowData; keys: DuplicateKeys };
export type LeadRowResult = { ok: true; row: ParsedLeadRow } | { ok: false; error: LeadImportRowError };

/** What the user typed, short enough to quote back in a message. */
const quote = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/**
 * The same field schemas as the lead form (lib/schemas/lead.ts), so a row imports exactly when the
 * form would accept it. Their messages are generic keys ("errors.too_long?max=120"); a report
 * line needs the field and the value, so they are turned into the import's own reasons.
 */
function reasonFor(field: LeadImportField, message: string, value: string): string {
  const [key = "", query] = message.split("?", 2);
  const code = key.slice(key.lastIndexOf(".") + 1);
  const max = new URLSearchParams(query).get("max") ?? "";
  if (code === "required") return leadImportMessage(`reason.required.${field}`);
  if (code === "too_long" || code === "tag_too_long") return leadImportMessage(`reason.tooLong.${field}`, { max, value: quote(value) });
  if (code === "too_many_tags") return leadImportMessage(`reason.tooMany.${field}`, { max });
  return leadImportMessage(`reason.invalid.${field}`, { value: quote(value) });
}

/** Tags separated by commas, semicolons or pipes (the schema trims, lower-cases and dedupes them). */
const splitTags = (text: string) => text.split(/[,;|]/).filter((t) => t.trim() !== "");

type Options = {
  header: readonly string[];
  mapping: readonly (LeadImportField | null)[];
  /** Null when the owner column does not apply (a rep's import is always theirs). */
  owners: OwnerDirectory | null;
};

/** Validates one CSV record against the mapping; every problem of the line is reported, not only the first. */
export function parseLeadRow(record: CsvRecord, { header, mapping, owners }: Options): LeadRowResult {
  const problems: LeadImportProblem[] = [];
  const extra = record.fields.slice(header.length);
  if (extra.some((f) => f.trim() !== "")) {
    problems.push({ field: "row", reason: leadImportMessage("reason.columns", { found: record.fields.length, expected: header.length }) });
  }
  const cell = (field: LeadImportField): string => {
    const index = mapping.indexOf(field);
    return index < 0 ? "" : (record.fields[index] ?? "").trim();
  };
  /** `shown(path)` is the value to quote back: the whole cell, or the one bad tag of a list. */
  function check<S extends z.ZodType>(field: LeadImportField, schema: S, input: unknown, shown: (path: PropertyKey[]) => string) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data as z.output<S>;
    const messages = new Set(parsed.error.issues.map((issue) => reasonFor(field, issue.message, shown(issue.path))));
    for (const reason of messages) problems.push({ field, reason });
    return undefined;
  }
  const text = (field: "company" | "email" | "phone" | "cnpj" | "notes") => {
    const value = cell(field);
    return check(field, LeadFields.shape[field], value, () => value);
  };

  const name = check("name", LeadFields.shape.name, cell("name"), () => cell("name"));
  const company = text("company");
  const email = text("email");
  const phone = text("phone");
  const cnpj = text("cnpj");
  const notes = text("notes");

  const choice = <T>(field: "source" | "status", read: (t: string) => T | null): T | undefined => {
    const value = cell(field);
    if (value === "") return undefined;
    const found = read(value);
    if (found === null) problems.push({ field, reason: leadImportMessage(`reason.invalid.${field}`, { value: quote(value) }) });
    return found ?? undefined;
  };
  const source = choice("source", sourceFromText);
  const status = choice("status", statusFromText);

  const tagList = splitTags(cell("tags"));
  const tags = check("tags", LeadFields.shape.tags, tagList, (path) => (tagList[Number(path[0])] ?? cell("tags")).trim()) ?? [];
  const employeesText = cell("employees");
  const employees = check("employees", LeadFields.shape.employees, employeesText, () => employeesText) ?? null;

  let ownerId: string | undefined;
  const ownerText = cell("owner");
  if (owners && ownerText !== "") {
    const found = owners(ownerText);
    if ("ownerId" in found) ownerId = found.ownerId;
    else problems.push({ field: "owner", reason: leadImportMessage(`reason.${found.problem}Owner`, { value: quote(ownerText) }) });
  }

  if (problems.length > 0 || name === undefined) return { ok: false, error: { line: record.line, problems } };
  const data: LeadRowData = {
    name,
    company: company ?? null,
    email: email ?? null,
    phone: phone ?? null,
    cnpj: cnpj ?? null,
    source,
    status,
    tags,
    employees,
    notes: notes ?? null,
    ownerId,
  };
  // Already normalized by the field schemas, exactly as duplicateKeysOf would.
  return { ok: true, row: { line: record.line, data, keys: { email: data.email, phone: data.phone, cnpj: data.cnpj } } };
}
