import { toast } from "sonner";

export type ServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> } | null };

/**
 * Shows a tRPC error's field errors inline on the form's own fields (already translated by the
 * server's error formatter); anything else becomes a toast.
 */
export function applyServerErrors(setError: (field: string, message: string) => void, error: ServerError, fields: readonly string[]): void {
  const entries = Object.entries(error.data?.fieldErrors ?? {}).filter(([field]) => fields.includes(field));
  for (const [field, messages] of entries) setError(field, messages[0] ?? error.message);
  if (entries.length === 0) toast.error(error.message);
}
