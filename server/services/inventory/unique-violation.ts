import { Prisma } from "@/prisma/generated/client";

/** A unique index refused the write: two operators saved the same name (or number) at once. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A foreign key refused a delete: something started using the row after we counted. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003";
}
