"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { applyServerErrors, type ServerError } from "@/components/settings/apply-server-errors";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { DidRouteInput, type TenantDidOutput } from "@/lib/schemas/numbers";
import { DestinationPicker } from "./destination-picker";

type FormInput = z.input<typeof DidRouteInput>;
type FormOutput = z.output<typeof DidRouteInput>;

const FIELDS = ["destination.type", "destination.targetId", "businessHoursId", "afterHours.type", "afterHours.targetId"] as const;

function defaults(did: TenantDidOutput | null): FormInput {
  const route = did?.route;
  return {
    didId: did?.id ?? "",
    destination: { type: route?.destination.type ?? "extension", targetId: route?.destination.targetId ?? null },
    businessHoursId: route?.businessHours?.id ?? null,
    afterHours: route?.afterHours ? { type: route.afterHours.type, targetId: route.afterHours.targetId } : null,
  };
}

/** Where one DID rings: a destination, optionally split by business hours with an after-hours one. */
export function DidRouteDialog({ did, onOpenChange }: { did: TenantDidOutput | null; onOpenChange: (open: boolean) => void }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery({ ...trpc.telephony.dids.destinationOptions.queryOptions(), enabled: did !== null });
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(DidRouteInput), defaultValues: defaults(did) });

  useEffect(() => {
    if (did) form.reset(defaults(did));
  }, [did, form]);

  const save = useMutation(
    trpc.telephony.dids.setRoute.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("numbers.dids.saved", { number: saved.display }));
        void queryClient.invalidateQueries({ queryKey: trpc.telephony.pathKey() });
        onOpenChange(false);
      },
      onError: (error: ServerError) =>
        applyServerErrors((field, message) => form.setError(field as FieldPath<FormInput>, { message }), error, FIELDS),
    }),
  );

  const [destinationType, businessHoursId, afterHours] = form.watch(["destination.type", "businessHoursId", "afterHours"]);
  const useHours = businessHoursId !== null && businessHoursId !== undefined;
  const hoursOptions = options.data?.businessHours ?? [];

  function toggleHours(on: boolean) {
    form.setValue("businessHoursId", on ? (hoursOptions[0]?.id ?? "") : null, { shouldDirty: true });
    form.setValue("afterHours", on ? (afterHours ?? { type: "extension", targetId: null }) : null, { shouldDirty: true });
    form.clearErrors(["businessHoursId", "afterHours"]);
  }

  return (
    <Dialog open={did !== null} onOpenChange={(open) => !save.isPending && onOpenChange(open)}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("numbers.dids.editTitle", { number: did?.display ?? "" })}</DialogTitle>
          <DialogDescription>{t("numbers.dids.editDescription")}</DialogDescription>
        </DialogHeader>
        {!options.data ? (
          <div className="grid gap-3" aria-busy>
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-full" />
          </div>
        ) : (
          <Form {...form}>
            <form
              onSubmit={form.handleSubmit((values) => save.mutate(values))}
              noValidate
              className="grid gap-5"
              data-testid="did-route-form"
            >
              <DestinationPicker
                className="sm:col-span-2"
                control={form.control}
                setValue={form.setValue}
                prefix="destination"
                type={destinationType}
                options={options.data}
                typeLabel={t("numbers.dids.destinationType")}
              />
              <div className="grid gap-4 rounded-md border p-4 sm:col-span-2">
                <label className="flex items-start gap-3 text-sm">
                  <Checkbox
                    checked={useHours}
                    onCheckedChange={(checked) => toggleHours(checked === true)}
                    disabled={hoursOptions.length === 0 && !useHours}
                    data-testid="use-hours"
                  />
                  <span className="grid gap-1">
                    <span className="font-medium">{t("numbers.dids.useHours")}</span>
                    <span className="text-muted-foreground">{t("numbers.dids.useHoursHint")}</span>
                  </span>
                </label>
                {hoursOptions.length === 0 && <p className="text-sm text-muted-foreground">{t("numbers.dids.noHoursYet")}</p>}
                {useHours && (
                  <>
                    <FormField
                      control={form.control}
                      name="businessHoursId"
                      render={({ field, fieldState }) => (
                        <FormItem>
                          <FormLabel>{t("numbers.dids.businessHours")}</FormLabel>
                          <Select value={field.value ?? ""} onValueChange={field.onChange} disabled={hoursOptions.length === 0}>
                            <FormControl>
                              <SelectTrigger className="w-full" data-testid="hours-select">
                                <SelectValue placeholder={t("numbers.dids.choose")} />
                              </SelectTrigger>
                            </FormControl>
                            <SelectContent>
                              {hoursOptions.map((h) => (
                                <SelectItem key={h.id} value={h.id}>
                                  {h.name}
                                </SelectItem>
                              ))}
                            </SelectContent>
                          </Select>
                          <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                        </FormItem>
                      )}
                    />
                    <DestinationPicker
                      control={form.control}
                      setValue={form.setValue}
                      prefix="afterHours"
                      type={afterHours?.type ?? "extension"}
                      options={options.data}
                      typeLabel={t("numbers.dids.afterHoursTitle")}
                    />
                  </>
                )}
              </div>
              <FormDialogFooter saving={save.isPending} onCancel={() => onOpenChange(false)} />
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
