import { cache } from "react";
import { platformDb } from "@/server/db";

/** One lookup per request, however many layouts and pages ask. */
export const findTenantBySlug = cache(async (slug: string) =>
  platformDb().tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, status: true, planId: true },
  }),
);
