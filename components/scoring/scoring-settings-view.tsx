"use client";

import { ChevronLeftIcon, InfoIcon } from "lucide-react";
import Link from "next/link";
import { useI18n } from "@/components/providers/i18n-provider";
import { RulesCard } from "./rules-card";
import { ScoreDistributionCard } from "./score-distribution-card";
import { useRecompute } from "./use-recompute";

/** /settings/scoring: the rules (editable by owners and admins, read-only for others) and the score distribution. */
export function ScoringSettingsView({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const recompute = useRecompute();
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div className="grid gap-1">
        <Link href="/settings" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ChevronLeftIcon className="size-4" aria-hidden />
          {t("scoring.backToSettings")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t("scoring.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("scoring.subtitle")}</p>
      </div>
      {!canEdit && (
        <p className="flex items-start gap-2 rounded-md border bg-muted/40 p-3 text-sm" role="note">
          <InfoIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          {t("scoring.readOnly")}
        </p>
      )}
      <RulesCard canEdit={canEdit} recompute={recompute} />
      <ScoreDistributionCard />
    </div>
  );
}
