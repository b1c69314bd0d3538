"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { OpportunityFormDialog } from "@/components/opportunities/opportunity-form-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBrl } from "@/lib/money";

const STATUS_TONE = { open: "info", won: "success", lost: "danger" } as const;

export function LeadOpportunitiesCard({ lead, readOnly }: { lead: { id: string; name: string }; readOnly: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const list = useQuery(trpc.pipelines.opportunities.list.queryOptions({ leadId: lead.id, limit: 50 }, { staleTime: 0 }));

  return (
    <Card className="gap-3" data-testid="lead-opportunities">
      <CardHeader>
        <CardTitle>{t("leadPage.opportunities.title")}</CardTitle>
        {!readOnly && (
          <CardAction>
            <Button size="sm" variant="outline" onClick={() => setCreating(true)}>
              <PlusIcon aria-hidden /> {t("leadPage.opportunities.new")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="px-0">
        {list.isError ? (
          <p role="alert" className="px-6 text-sm text-destructive">
            {t("leadPage.opportunities.loadError")}
          </p>
        ) : !list.data ? (
          <div className="flex flex-col gap-2 px-6">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </div>
        ) : list.data.items.length === 0 ? (
          <p className="px-6 text-sm text-muted-foreground">{t("leadPage.opportunities.empty")}</p>
        ) : (
          <ul className="divide-y">
            {list.data.items.map((o) => (
              <li key={o.id} className="flex items-start justify-between gap-3 px-6 py-2.5" data-testid="lead-opportunity">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">{o.title}</p>
                  <p className="truncate text-xs text-muted-foreground">
                    {o.pipeline.name} · <span data-testid="opportunity-stage">{o.stage.name}</span>
                  </p>
                </div>
                <div className="flex shrink-0 flex-col items-end gap-1">
                  <span className="text-sm font-medium tabular-nums">{formatBrl(o.value, locale)}</span>
                  <Badge variant={STATUS_TONE[o.status]}>{t(`leadPage.opportunities.status.${o.status}`)}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <OpportunityFormDialog
        open={creating}
        onOpenChange={setCreating}
        lead={lead}
        onSaved={() => {
          void queryClient.invalidateQueries({ queryKey: trpc.pipelines.opportunities.list.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
        }}
      />
    </Card>
  );
}
