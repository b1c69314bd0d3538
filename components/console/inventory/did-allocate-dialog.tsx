"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { SearchIcon } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { useDebounced } from "@/components/leads/use-debounced";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import { formatPhone } from "@/lib/phone";
import type { DidOutput } from "@/lib/schemas/inventory";

type Props = { did: DidOutput | null; onClose: () => void; onAllocated: (did: DidOutput) => void };

/** Picks the company a free number goes to; companies at their plan's DID limit cannot be picked. */
export function DidAllocateDialog({ did, onClose, onAllocated }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const groupName = useId();
  const [search, setSearch] = useState("");
  const [tenantId, setTenantId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const query = useDebounced(search.trim(), 250);
  const options = useQuery({
    ...trpc.admin.inventory.dids.tenantOptions.queryOptions({ search: query || undefined }, { placeholderData: keepPreviousData }),
    enabled: did !== null,
  });
  const allocate = useMutation(
    trpc.admin.inventory.dids.allocate.mutationOptions({
      onSuccess: (allocated) => {
        toast.success(t("inventory.dids.allocated", { number: formatPhone(allocated.number), tenant: allocated.tenant?.name ?? "" }));
        onAllocated(allocated);
        onClose();
      },
      // Shown in the dialog: the operator may pick another company (e.g. one under its limit).
      onError: (error) => setProblem(error.message),
    }),
  );

  useEffect(() => {
    if (did) {
      setSearch("");
      setTenantId(null);
      setProblem(null);
    }
  }, [did]);

  return (
    <Dialog open={did !== null} onOpenChange={(open) => !open && !allocate.isPending && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("inventory.dids.allocateTitle", { number: did ? formatPhone(did.number) : "" })}</DialogTitle>
          <DialogDescription>{t("inventory.dids.allocateBody")}</DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (did && tenantId) allocate.mutate({ id: did.id, tenantId });
          }}
        >
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
            <Input
              type="search"
              autoFocus
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t("inventory.dids.tenantSearch")}
              aria-label={t("inventory.dids.tenantSearch")}
              className="pl-8"
              maxLength={80}
            />
          </div>
          <fieldset className="flex max-h-72 flex-col gap-1 overflow-y-auto" aria-busy={options.isFetching} data-testid="tenant-options">
            <legend className="sr-only">{t("inventory.dids.field.tenant")}</legend>
            {!options.data && Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}
            {options.data?.length === 0 && <p className="p-4 text-center text-sm text-muted-foreground">{t("inventory.dids.noTenants")}</p>}
            {options.data?.map((tenant) => {
              const full = tenant.dids.used >= tenant.dids.limit;
              return (
                <label
                  key={tenant.id}
                  className={cn(
                    "flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring/50",
                    full && "cursor-not-allowed opacity-60",
                  )}
                >
                  <input
                    type="radio"
                    name={groupName}
                    value={tenant.id}
                    checked={tenantId === tenant.id}
                    disabled={full}
                    onChange={() => {
                      setTenantId(tenant.id);
                      setProblem(null);
                    }}
                    className="accent-primary"
                  />
                  <span className="flex-1">
                    <span className="block font-medium">{tenant.name}</span>
                    <span className="block text-xs text-muted-foreground">{tenant.slug}</span>
                  </span>
                  <span className={cn("text-xs tabular-nums", full ? "text-destructive" : "text-muted-foreground")}>
                    {t("inventory.dids.tenantUsage", { used: tenant.dids.used, limit: tenant.dids.limit })}
                    {full && ` · ${t("inventory.dids.tenantFull")}`}
                  </span>
                </label>
              );
            })}
          </fieldset>
          {problem && (
            <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {problem}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={allocate.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={!tenantId || allocate.isPending}>
              {allocate.isPending && <Spinner aria-label={t("common.loading")} />}
              {t("inventory.dids.allocate")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
