"use client";

import { Badge } from "@/components/ui/badge";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { ScoreContribution } from "@/lib/schemas/score";
import { signedPoints } from "./condition-summary";
import { BAND_CLASSES, scoreBand } from "./score-band";

type Props = {
  score: number;
  /** The contributing rules (Lead.scoreDetails); when given, the badge opens a popover listing them. */
  details?: readonly ScoreContribution[] | null;
  scoredAt?: Date | string | null;
  className?: string;
};

/**
 * A lead's score, coloured by band (hot ≥70, warm 40–69, cold). With `details` it is a button that
 * opens the list of rules behind the number (Enter/Space open it, Esc closes it).
 */
export function ScoreBadge({ score, details, scoredAt, className }: Props) {
  const { t, locale } = useI18n();
  const band = scoreBand(score);
  const label = t("scoring.badge.label", { score, band: t(`scoring.badge.${band}`) });
  const badgeClass = cn("min-w-9 justify-center tabular-nums", BAND_CLASSES[band], className);

  if (!details) {
    return (
      <Badge variant="outline" className={badgeClass} title={label} aria-label={label} data-testid="score-badge">
        {score}
      </Badge>
    );
  }

  const sum = details.reduce((total, c) => total + c.points, 0);
  const when = scoredAt ? new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(scoredAt)) : null;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <button
          type="button"
          aria-label={label}
          className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          data-testid="score-badge"
        >
          <Badge variant="outline" className={cn(badgeClass, "cursor-pointer")}>
            {score}
          </Badge>
        </button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-80 p-0" data-testid="score-details">
        <div className="border-b px-4 py-3">
          <p className="text-sm font-medium">{t("scoring.badge.details", { score })}</p>
          {when && <p className="text-xs text-muted-foreground">{t("scoring.badge.scoredAt", { when })}</p>}
        </div>
        {details.length === 0 ? (
          <p className="px-4 py-3 text-sm text-muted-foreground">{t("scoring.badge.none")}</p>
        ) : (
          <ul className="max-h-72 divide-y overflow-y-auto text-sm">
            {details.map((c) => (
              <li key={c.ruleId} className="flex items-center justify-between gap-3 px-4 py-2">
                <span className="min-w-0 truncate" title={c.name}>
                  {c.name}
                </span>
                <span className={cn("shrink-0 font-medium tabular-nums", c.points > 0 ? "text-success" : "text-destructive")}>
                  {signedPoints(c.points)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {sum < 0 && <p className="border-t px-4 py-2 text-xs text-muted-foreground">{t("scoring.badge.floor")}</p>}
      </PopoverContent>
    </Popover>
  );
}
