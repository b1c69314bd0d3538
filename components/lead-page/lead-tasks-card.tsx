"use client";

import { useQuery } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { TaskFormDialog } from "@/components/tasks/task-form-dialog";
import { TaskList } from "@/components/tasks/task-list";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

/** The lead's open tasks (overdue first, as they are due soonest), and the done ones on demand. */
export function LeadTasksCard({ leadId, readOnly }: { leadId: string; readOnly: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [creating, setCreating] = useState(false);
  const [showDone, setShowDone] = useState(false);
  const open = useQuery(trpc.tasks.list.queryOptions({ assignee: "all", leadId, status: "open", limit: 50 }, { staleTime: 0 }));
  const done = useQuery({ ...trpc.tasks.list.queryOptions({ assignee: "all", leadId, status: "done", limit: 20 }), enabled: showDone });

  return (
    <Card className="gap-3" data-testid="lead-tasks">
      <CardHeader>
        <CardTitle>{t("leadPage.tasks.title")}</CardTitle>
        {!readOnly && (
          <CardAction>
            <Button size="sm" variant="outline" onClick={() => setCreating(true)}>
              <PlusIcon aria-hidden /> {t("leadPage.tasks.new")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-2 px-0">
        {!open.data ? (
          <div className="flex flex-col gap-2 px-6">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </div>
        ) : open.data.items.length === 0 ? (
          <p className="px-6 text-sm text-muted-foreground">{t("leadPage.tasks.empty")}</p>
        ) : (
          <TaskList tasks={open.data.items} readOnly={readOnly} showAssignee aria-label={t("leadPage.tasks.title")} />
        )}
        <Button variant="link" size="sm" className="self-start px-6" onClick={() => setShowDone((v) => !v)} aria-expanded={showDone}>
          {showDone ? t("leadPage.tasks.hideDone") : t("leadPage.tasks.showDone")}
        </Button>
        {showDone && done.data && done.data.items.length > 0 && (
          <TaskList tasks={done.data.items} readOnly={readOnly} showAssignee aria-label={t("leadPage.tasks.done")} />
        )}
      </CardContent>
      <TaskFormDialog open={creating} onOpenChange={setCreating} leadId={leadId} />
    </Card>
  );
}
