"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SearchIcon } from "lucide-react";
import { useId, useState } from "react";
import { useDebounced } from "@/components/leads/use-debounced";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";

type Props = {
  value: string | undefined;
  onChange: (tenantId: string | undefined) => void;
  invalid?: boolean;
  describedBy?: string;
};

const optionClass =
  "flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring/50";

/** "All companies" or one company, found by name or address: radio buttons, so arrows and Tab work. */
export function TenantPicker({ value, onChange, invalid, describedBy }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const group = useId();
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim(), 250);
  const options = useQuery(
    trpc.admin.rating.tenantOptions.queryOptions({ search: query || undefined, selectedId: value }, { placeholderData: keepPreviousData }),
  );
  return (
    <div className="flex flex-col gap-2">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t("rating.dialog.tenantSearch")}
          aria-label={t("rating.dialog.tenantSearch")}
          className="pl-8"
          maxLength={80}
        />
      </div>
      <fieldset
        className="flex max-h-52 flex-col gap-1 overflow-y-auto"
        aria-busy={options.isFetching}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-testid="rerate-tenants"
      >
        <legend className="sr-only">{t("rating.dialog.tenant")}</legend>
        <label className={optionClass}>
          <input type="radio" name={group} checked={value === undefined} onChange={() => onChange(undefined)} className="accent-primary" />
          <span className="font-medium">{t("rating.dialog.allTenants")}</span>
        </label>
        {!options.data && Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-11 w-full" />)}
        {options.data?.length === 0 && <p className="p-3 text-center text-sm text-muted-foreground">{t("rating.dialog.noTenants")}</p>}
        {options.data?.map((tenant) => (
          <label key={tenant.id} className={cn(optionClass)}>
            <input
              type="radio"
              name={group}
              checked={value === tenant.id}
              onChange={() => onChange(tenant.id)}
              className="accent-primary"
            />
            <span className="flex-1">
              <span className="block font-medium">{tenant.name}</span>
              <span className="block text-xs text-muted-foreground">{tenant.slug}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
