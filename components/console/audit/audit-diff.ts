export type FieldChange = { field: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Nested objects become dot paths ("ownerInvitation.email"); arrays and scalars are leaves. */
function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isPlainObject(value)) {
    if (value !== null && value !== undefined) out.set(prefix || "value", value);
    return out;
  }
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(inner) && Object.keys(inner).length > 0) flatten(inner, path, out);
    else out.set(path, inner);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an audit entry changed, from its before/after snapshots: on an update only the keys
 * whose value differs, on a creation every field of `after`, on a deletion every field of `before`.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields.filter((field) => !same(b.get(field), a.get(field))).map((field) => ({ field, before: b.get(field), after: a.get(field) }));
}

/** A snapshot value as text; null for "no value" so the UI can say so in its own words. */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
