"use client";

import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { TableCell, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";

export function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
      <p>{t("inventory.loadError")}</p>
      <Button variant="outline" onClick={onRetry}>
        {t("common.retry")}
      </Button>
    </div>
  );
}

export function EmptyState({ icon: Icon, text, action, testId }: { icon: LucideIcon; text: string; action?: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid={testId}>
      <Icon className="size-8 text-muted-foreground" aria-hidden />
      <p className="max-w-md text-muted-foreground">{text}</p>
      {action}
    </div>
  );
}

export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return Array.from({ length: rows }, (_, i) => (
    <TableRow key={i} aria-hidden>
      <TableCell colSpan={columns}>
        <Skeleton className="h-6 w-full" />
      </TableCell>
    </TableRow>
  ));
}
