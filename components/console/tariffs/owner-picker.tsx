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
import type { DeckOwnerType, OwnerOption } from "@/lib/schemas/billing-tariffs";

type Props = {
  type: DeckOwnerType;
  value: string | null;
  onChange: (owner: OwnerOption) => void;
  /** Owners that already have a deck cannot own another (the create dialog); the simulator takes any. */
  freeOnly?: boolean;
  label: string;
  invalid?: boolean;
  describedBy?: string;
};

/** A searchable list of providers, gateways, plans or companies, as radio buttons (arrow keys move). */
export function OwnerPicker({ type, value, onChange, freeOnly, label, invalid, describedBy }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const group = useId();
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim(), 250);
  const options = useQuery(
    trpc.admin.tariffs.decks.owners.queryOptions({ type, search: query || undefined }, { placeholderData: keepPreviousData }),
  );
  const placeholder = type === "tenant" ? t("tariffs.create.ownerSearch") : t("common.search");

  return (
    <div className="flex flex-col gap-2">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={placeholder}
          aria-label={`${label}: ${placeholder}`}
          className="pl-8"
          maxLength={80}
        />
      </div>
      <fieldset
        className={cn("flex max-h-52 flex-col gap-1 overflow-y-auto rounded-md", invalid && "ring-2 ring-destructive/40")}
        aria-busy={options.isFetching}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-testid="owner-options"
      >
        <legend className="sr-only">{label}</legend>
        {!options.data && Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}
        {options.data?.length === 0 && <p className="p-3 text-center text-sm text-muted-foreground">{t("tariffs.create.noOwners")}</p>}
        {options.data?.map((owner) => {
          const taken = freeOnly && owner.deck !== null;
          return (
            <label
              key={owner.id}
              className={cn(
                "flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring/50",
                taken && "cursor-not-allowed opacity-60",
              )}
            >
              <input
                type="radio"
                name={group}
                value={owner.id}
                checked={value === owner.id}
                disabled={taken}
                onChange={() => onChange(owner)}
                className="accent-primary"
              />
              <span className="min-w-0 flex-1">
                <span className={cn("block truncate", type === "gateway" ? "font-mono" : "font-medium")}>{owner.name}</span>
                {owner.parentName && <span className="block truncate text-xs text-muted-foreground">{owner.parentName}</span>}
              </span>
              {owner.deck && (
                <span className="max-w-[45%] truncate text-xs text-muted-foreground">
                  {t("tariffs.create.ownerTaken", { name: owner.deck.name })}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
