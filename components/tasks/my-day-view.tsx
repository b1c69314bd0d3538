"use client";

import { useQuery } from "@tanstack/react-query";
import { PartyPopperIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import type { MyDayOutput } from "@/lib/schemas/task";
import { TaskFormDialog } from "./task-form-dialog";
import { TaskList } from "./task-list";

const SECTIONS = ["overdue", "today", "upcoming"] as const;
type Section = (typeof SECTIONS)[number];

/** `canSwitchAssignee`: managers and above may look at another member's day. */
export function MyDayView({ canSwitchAssignee, readOnly = false }: { canSwitchAssignee: boolean; readOnly?: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [assignee, setAssignee] = useState<string>("me");
  const [creating, setCreating] = useState(false);
  const day = useQuery(trpc.tasks.myDay.queryOptions({ assignee }, { refetchInterval: 60_000 }));
  const members = useQuery({ ...trpc.members.list.queryOptions(), enabled: canSwitchAssignee }).data ?? [];
  const data = day.data;
  const allClear = data && SECTIONS.every((s) => data.counts[s] === 0);

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("tasks.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("tasks.subtitle")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canSwitchAssignee && (
            <div className="flex items-center gap-2">
              <Label htmlFor="my-day-assignee" className="text-sm text-muted-foreground">
                {t("tasks.assigneeSwitch")}
              </Label>
              <Select value={assignee} onValueChange={setAssignee}>
                <SelectTrigger id="my-day-assignee" className="w-48">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="me">{t("tasks.assigneeMe")}</SelectItem>
                  {members.map((m) => (
                    <SelectItem key={m.id} value={m.id}>
                      {m.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
          )}
          {!readOnly && (
            <Button onClick={() => setCreating(true)}>
              <PlusIcon aria-hidden /> {t("tasks.new")}
            </Button>
          )}
        </div>
      </div>

      {day.isError ? (
        <Card role="alert" className="items-center gap-3 p-10 text-center">
          <p>{t("tasks.loadError")}</p>
          <Button variant="outline" onClick={() => void day.refetch()}>
            {t("common.retry")}
          </Button>
        </Card>
      ) : !data ? (
        <MyDaySkeleton />
      ) : allClear ? (
        <Card className="items-center gap-2 p-12 text-center" data-testid="my-day-empty">
          <PartyPopperIcon aria-hidden className="size-8 text-primary" />
          <p className="text-lg font-medium">{t("tasks.allClearTitle")}</p>
          <p className="text-sm text-muted-foreground">{t("tasks.allClearBody")}</p>
        </Card>
      ) : (
        SECTIONS.map((section) => <MyDaySection key={section} section={section} day={data} readOnly={readOnly} />)
      )}

      <TaskFormDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}

function MyDaySection({ section, day, readOnly }: { section: Section; day: MyDayOutput; readOnly: boolean }) {
  const { t } = useI18n();
  const tasks = day[section];
  const count = day.counts[section];
  const headingId = `my-day-${section}`;
  return (
    <Card className="gap-0 py-0" aria-labelledby={headingId} role="region" data-testid={`my-day-${section}`}>
      <div className="flex items-center justify-between border-b px-4 py-3">
        <h2 id={headingId} className={cn("font-semibold", section === "overdue" && count > 0 && "text-destructive")}>
          {t(`tasks.section.${section}`)}
        </h2>
        <span
          className={cn(
            "rounded-full px-2 py-0.5 text-xs font-medium tabular-nums",
            section === "overdue" && count > 0 ? "bg-destructive/10 text-destructive" : "bg-muted text-muted-foreground",
          )}
        >
          {count}
        </span>
      </div>
      {tasks.length === 0 ? (
        <p className="px-4 py-4 text-sm text-muted-foreground">{t(`tasks.sectionEmpty.${section}`)}</p>
      ) : (
        <TaskList tasks={tasks} readOnly={readOnly} showLinks aria-label={t(`tasks.section.${section}`)} />
      )}
      {count > tasks.length && (
        <p className="border-t px-4 py-2 text-xs text-muted-foreground">{t("tasks.moreHidden", { shown: tasks.length, total: count })}</p>
      )}
    </Card>
  );
}

function MyDaySkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy>
      {SECTIONS.map((s) => (
        <Card key={s} className="gap-3 p-4">
          <Skeleton className="h-5 w-32" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </Card>
      ))}
    </div>
  );
}
