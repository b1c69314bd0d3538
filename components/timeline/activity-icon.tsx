import {
  ArrowRightLeftIcon,
  CalendarClockIcon,
  CircleCheckIcon,
  FileTextIcon,
  GitMergeIcon,
  ListPlusIcon,
  MailIcon,
  PencilLineIcon,
  PhoneIcon,
  RotateCcwIcon,
  StickyNoteIcon,
  ThumbsDownIcon,
  TrophyIcon,
  UserPlusIcon,
  BriefcaseIcon,
  type LucideIcon,
} from "lucide-react";
import type { ActivityKind } from "@/lib/schemas/activity";
import { cn } from "@/lib/cn";

const ICONS: Record<ActivityKind, [LucideIcon, string]> = {
  note: [StickyNoteIcon, "bg-amber-500/15 text-amber-700 dark:text-amber-300"],
  call: [PhoneIcon, "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300"],
  email: [MailIcon, "bg-sky-500/15 text-sky-700 dark:text-sky-300"],
  meeting: [CalendarClockIcon, "bg-violet-500/15 text-violet-700 dark:text-violet-300"],
  stage_change: [ArrowRightLeftIcon, "bg-primary/15 text-primary"],
  task_created: [ListPlusIcon, "bg-muted text-muted-foreground"],
  task_completed: [CircleCheckIcon, "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300"],
  document: [FileTextIcon, "bg-muted text-muted-foreground"],
  lead_created: [UserPlusIcon, "bg-muted text-muted-foreground"],
  lead_updated: [PencilLineIcon, "bg-muted text-muted-foreground"],
  lead_merged: [GitMergeIcon, "bg-muted text-muted-foreground"],
  opportunity_created: [BriefcaseIcon, "bg-primary/15 text-primary"],
  opportunity_won: [TrophyIcon, "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300"],
  opportunity_lost: [ThumbsDownIcon, "bg-destructive/10 text-destructive"],
  opportunity_reopened: [RotateCcwIcon, "bg-muted text-muted-foreground"],
};

export function ActivityIcon({ kind, className }: { kind: ActivityKind; className?: string }) {
  const [Icon, tone] = ICONS[kind];
  return (
    <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-full ring-4 ring-background", tone, className)}>
      <Icon aria-hidden className="size-4" />
    </span>
  );
}
