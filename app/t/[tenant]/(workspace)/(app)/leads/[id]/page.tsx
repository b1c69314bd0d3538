import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LeadPageView } from "@/components/lead-page/lead-page-view";
import { currentSession } from "@/server/auth/session";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

type Params = Promise<{ tenant: string; id: string }>;

/**
 * The lead through the same procedure the browser calls (leads.get), so visibility is decided in
 * one place: unknown ids, malformed ids and another rep's private lead all end in the 404 page.
 */
const loadLead = cache(async (id: string) => {
  const session = await currentSession();
  const caller = createCaller(createContext(await headers(), session));
  try {
    return { lead: await caller.leads.get({ id }), userId: session?.user.id ?? null };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // The page itself decides between the lead, the 404 page and the sign-in redirect.
  const loaded = await loadLead((await params).id).catch(() => null);
  return { title: loaded?.lead.name ?? (await serverTranslator())("leadPage.title") };
}

export default async function LeadPage({ params }: { params: Params }) {
  const { tenant, id } = await params;
  const { viewer } = await requireWorkspaceViewer(tenant);
  const { lead, userId } = await loadLead(id);
  return (
    <LeadPageView
      initialLead={lead}
      me={{ userId, name: viewer.name }}
      canDeleteAnyNote={!viewer.readOnly && viewer.role !== "rep"}
      readOnly={viewer.readOnly}
    />
  );
}
