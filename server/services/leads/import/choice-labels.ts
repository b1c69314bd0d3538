import { getDictionary } from "@/lib/i18n";
import { LEAD_SOURCES, LEAD_STATUSES } from "@/lib/schemas/lead";
import type { LeadSource, LeadStatus } from "@/prisma/generated/client";
import { foldHeader } from "./suggest-mapping";

/**
 * Reads a source or status cell the way people type it: the enum value ("inbound_call"), its
 * label in either language ("Ligação recebida", "Inbound call"), or a common synonym; case,
 * accents, spaces and punctuation do not matter.
 */
function labelReader<T extends string>(
  values: readonly T[],
  labels: (locale: "pt-BR" | "en") => Record<T, string>,
  synonyms: Record<string, T>,
) {
  const byText = new Map<string, T>(Object.entries(synonyms).map(([text, value]) => [foldHeader(text), value]));
  for (const value of values) {
    byText.set(foldHeader(value), value);
    for (const locale of ["pt-BR", "en"] as const) byText.set(foldHeader(labels(locale)[value]), value);
  }
  return (text: string): T | null => byText.get(foldHeader(text)) ?? null;
}

export const sourceFromText = labelReader<LeadSource>(LEAD_SOURCES, (l) => getDictionary(l).leads.source, {
  web: "website",
  "site da empresa": "website",
  formulario: "website",
  indicado: "referral",
  referencia: "referral",
  "prospecção ativa": "outbound",
  "cold call": "outbound",
  feira: "event",
  eventos: "event",
  inbound: "inbound_call",
  ligação: "inbound_call",
  parceria: "partner",
  parceiros: "partner",
  outros: "other",
});

export const statusFromText = labelReader<LeadStatus>(LEAD_STATUSES, (l) => getDictionary(l).leads.status, {
  "em contato": "contacted",
  contactado: "contacted",
  "não qualificado": "unqualified",
  perdido: "unqualified",
  ganho: "customer",
});
