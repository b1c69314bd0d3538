"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2Icon, CheckIcon, ChevronsUpDownIcon, SearchIcon } from "lucide-react";
import { useState } from "react";
import { useDebounced } from "@/components/leads/use-debounced";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";

type Props = { value: string | undefined; onChange: (tenantId: string | undefined) => void };

/** The invoice list's company filter: a searchable list (by name or slug), "all companies" first. */
export function TenantFilter({ value, onChange }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim(), 250);
  const options = useQuery({
    ...trpc.admin.invoices.tenantOptions.queryOptions(
      { search: query || undefined, selectedId: value },
      { placeholderData: keepPreviousData },
    ),
    // Closed with nothing picked there is nothing to show.
    enabled: open || value !== undefined,
  });
  const selected = value ? options.data?.find((o) => o.id === value) : undefined;
  const pick = (tenantId: string | undefined) => {
    onChange(tenantId);
    setOpen(false);
    setSearch("");
  };
  const item = (key: string, label: string, active: boolean, onSelect: () => void, hint?: string) => (
    <li key={key}>
      <button
        type="button"
        role="option"
        aria-selected={active}
        onClick={onSelect}
        className={cn(
          "flex w-full items-center gap-2 rounded-sm px-2 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:bg-accent",
          active && "font-medium",
        )}
      >
        <CheckIcon className={cn("size-4 shrink-0", !active && "invisible")} aria-hidden />
        <span className="truncate">{label}</span>
        {hint && <span className="ml-auto truncate text-xs text-muted-foreground">{hint}</span>}
      </button>
    </li>
  );

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="outline"
          role="combobox"
          aria-expanded={open}
          aria-label={t("invoices.list.tenant")}
          className="w-full justify-between sm:w-64"
          data-testid="invoice-tenant-filter"
        >
          <span className="flex min-w-0 items-center gap-2">
            <Building2Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <span className="truncate">{value ? (selected?.name ?? t("common.loading")) : t("invoices.list.tenantAll")}</span>
          </span>
          <ChevronsUpDownIcon className="size-4 shrink-0 opacity-50" aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-72 p-2">
        <div className="relative mb-2">
          <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            autoFocus
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("invoices.list.tenantSearch")}
            aria-label={t("invoices.list.tenantSearch")}
            className="pl-8"
            maxLength={80}
          />
        </div>
        <ul role="listbox" aria-label={t("invoices.list.tenant")} className="max-h-64 overflow-y-auto" aria-busy={options.isFetching}>
          {!query && item("all", t("invoices.list.tenantAll"), !value, () => pick(undefined))}
          {!options.data &&
            Array.from({ length: 4 }, (_, i) => (
              <li key={i} aria-hidden className="px-2 py-1.5">
                <Skeleton className="h-5 w-full" />
              </li>
            ))}
          {options.data?.map((option) => item(option.id, option.name, option.id === value, () => pick(option.id), option.slug))}
          {options.data?.length === 0 && (
            <li className="px-2 py-3 text-center text-sm text-muted-foreground">{t("invoices.list.tenantNone")}</li>
          )}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
