"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

export type BoardFilters = { search: string; owner: string };

type Props = {
  pipelines: { id: string; name: string }[];
  pipelineId: string | undefined;
  onPipeline: (id: string) => void;
  filters: BoardFilters;
  onFilters: (filters: BoardFilters) => void;
  /** Managers may look at one member's board; a rep only ever sees their own and the pool. */
  showMembers: boolean;
};

export function BoardToolbar({ pipelines, pipelineId, onPipeline, filters, onFilters, showMembers }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const members = useQuery({ ...trpc.members.list.queryOptions(), enabled: showMembers }).data ?? [];
  const filtered = filters.search !== "" || filters.owner !== "anyone";
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <Select value={pipelineId} onValueChange={onPipeline}>
        <SelectTrigger className="w-full sm:w-52" aria-label={t("pipelines.field.pipeline")} data-testid="pipeline-switcher">
          <SelectValue placeholder={t("common.loading")} />
        </SelectTrigger>
        <SelectContent>
          {pipelines.map((p) => (
            <SelectItem key={p.id} value={p.id}>
              {p.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select value={filters.owner} onValueChange={(owner) => onFilters({ ...filters, owner })}>
        <SelectTrigger className="w-full sm:w-52" aria-label={t("pipelines.field.owner")}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="anyone">{t("pipelines.board.ownerAnyone")}</SelectItem>
          <SelectItem value="me">{t("pipelines.board.ownerMe")}</SelectItem>
          <SelectItem value="none">{t("pipelines.form.ownerNone")}</SelectItem>
          {showMembers && members.length > 0 && <SelectSeparator />}
          {showMembers &&
            members.map((m) => (
              <SelectItem key={m.id} value={m.id}>
                {m.name}
              </SelectItem>
            ))}
        </SelectContent>
      </Select>
      <div className="relative sm:w-80">
        <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          value={filters.search}
          onChange={(e) => onFilters({ ...filters, search: e.target.value })}
          placeholder={t("pipelines.board.searchPlaceholder")}
          aria-label={t("common.search")}
          maxLength={100}
          className="pl-8"
        />
      </div>
      {filtered && (
        <Button variant="ghost" size="sm" onClick={() => onFilters({ search: "", owner: "anyone" })}>
          <XIcon aria-hidden /> {t("pipelines.board.clearFilters")}
        </Button>
      )}
    </div>
  );
}
