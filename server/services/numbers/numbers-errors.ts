import { numbersMessage } from "@/lib/schemas/numbers";
import { AppError } from "@/server/errors";

type NotFoundKey = "did_not_found" | "ring_group_not_found" | "hours_not_found";

export const numbersNotFound = (key: NotFoundKey) => new AppError("NOT_FOUND", numbersMessage(`numbers.errors.${key}`));

/**
 * A referenced row the tenant cannot see (missing, or another tenant's: RLS hides both alike)
 * is bad input on the field that named it, never a hint that it exists elsewhere.
 */
export function invalidReference(
  field: string,
  key: "extension_not_found" | "ring_group_not_found" | "trunk_not_found" | "hours_not_found" | "member_not_found",
): AppError {
  const message = numbersMessage(`numbers.errors.${key}`);
  return new AppError("INVALID_INPUT", message, { fieldErrors: { [field]: [message] } });
}

export function nameTaken(kind: "ring_group" | "hours", name: string): AppError {
  const message = numbersMessage(kind === "ring_group" ? "numbers.errors.ring_group_name_taken" : "numbers.errors.hours_name_taken", {
    name,
  });
  return new AppError("CONFLICT", message, { fieldErrors: { name: [message] } });
}

/** Deleting something a DID still routes to: the message names the numbers to change first. */
export function inUse(kind: "ring_group" | "hours", name: string, numbers: string[]): AppError {
  const key = kind === "ring_group" ? "numbers.errors.ring_group_in_use" : "numbers.errors.hours_in_use";
  return new AppError("CONFLICT", numbersMessage(key, { name, numbers: numbers.join(", ") }), { numbers });
}
