const SECRET_KEY = /secret|password|hash|token|apikey|key$/i;

/**
 * Audit entries keep before/after snapshots; secrets never enter them. Dates become ISO strings
 * and Decimals their text, so the snapshot is plain JSON.
 */
export function redactSecrets(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === "object") {
    if (typeof (value as { toFixed?: unknown }).toFixed === "function" && "d" in value) return String(value);
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && v != null ? "[redacted]" : redactSecrets(v),
      ]),
    );
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}
