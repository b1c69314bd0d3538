import { toast } from "sonner";

export type ServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> } | null };

/**
 * Puts a refused save's field errors (already translated by the server) next to the form's own
 * fields; an error about no field of the form becomes a toast.
 */
export function applyServerErrors(setError: (field: string, message: string) => void, error: ServerError, fields: readonly string[]): void {
  const entries = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) => fields.includes(field));
  for (const [field, messages] of entries) setError(field, messages[0] ?? error.message);
  if (entries.length === 0) toast.error(error.message);
}
