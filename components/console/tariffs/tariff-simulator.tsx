"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, CalculatorIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ChoiceField, TextField } from "@/components/console/inventory/form-fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SimulateInput } from "@/lib/schemas/billing-tariffs";
import { EffectiveField } from "./effective-field";
import { OwnerPicker } from "./owner-picker";
import { SimulationResult } from "./simulation-result";

type FormInput = z.input<typeof SimulateInput>;
type FormOutput = z.output<typeof SimulateInput>;

/** /tariffs/simulator: a number, a talk time and a company → the rates, cost, price and margin. */
export function TariffSimulator() {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const [asked, setAsked] = useState<FormInput | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(SimulateInput),
    defaultValues: { tenantId: "", number: "", duration: "", gatewayId: null, at: "" },
  });
  const gateways = useQuery(trpc.admin.tariffs.decks.owners.queryOptions({ type: "gateway" }));
  const result = useQuery({
    ...trpc.admin.tariffs.simulate.queryOptions(asked ?? { tenantId: "", number: "", duration: "" }),
    enabled: asked !== null,
  });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/tariffs">
          <ArrowLeftIcon aria-hidden /> {t("tariffs.simulator.back")}
        </Link>
      </Button>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("tariffs.simulator.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("tariffs.simulator.subtitle")}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_1fr]">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <CalculatorIcon className="size-4" aria-hidden /> {t("tariffs.simulator.run")}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <Form {...form}>
              <form
                noValidate
                className="flex flex-col gap-4"
                data-testid="simulator-form"
                // The raw text goes to the procedure, which parses it again.
                onSubmit={form.handleSubmit(() => setAsked({ ...form.getValues() }))}
              >
                <FormField
                  control={form.control}
                  name="tenantId"
                  render={({ field, fieldState }) => (
                    <FormItem>
                      <p className="text-sm font-medium" aria-hidden>
                        {t("tariffs.simulator.tenant")}
                      </p>
                      <OwnerPicker
                        type="tenant"
                        value={field.value || null}
                        label={t("tariffs.simulator.tenant")}
                        invalid={Boolean(fieldState.error)}
                        onChange={(owner) => field.onChange(owner.id)}
                      />
                      <FormMessage>{tm(fieldState.error?.message)}</FormMessage>
                    </FormItem>
                  )}
                />
                <TextField
                  control={form.control}
                  name="number"
                  label={t("tariffs.simulator.number")}
                  placeholder={t("tariffs.simulator.numberPlaceholder")}
                  inputMode="tel"
                  inputClassName="font-mono"
                  autoComplete="off"
                  maxLength={40}
                />
                <TextField
                  control={form.control}
                  name="duration"
                  label={t("tariffs.simulator.duration")}
                  placeholder={t("tariffs.simulator.durationPlaceholder")}
                  hint={t("tariffs.simulator.durationHint")}
                  inputClassName="font-mono"
                  autoComplete="off"
                  maxLength={12}
                />
                <ChoiceField
                  control={form.control}
                  name="gatewayId"
                  label={t("tariffs.simulator.gateway")}
                  noneLabel={t("tariffs.simulator.gatewayAuto")}
                  options={(gateways.data ?? []).map((g) => [g.id, `${g.name} · ${g.parentName ?? ""}`])}
                />
                <EffectiveField control={form.control} name="at" label={t("tariffs.simulator.at")} hint={t("tariffs.simulator.atHint")} />
                <Button type="submit" disabled={result.isFetching}>
                  {t("tariffs.simulator.run")}
                </Button>
              </form>
            </Form>
          </CardContent>
        </Card>
        <div aria-live="polite" className="min-w-0">
          {!asked ? (
            <Card>
              <CardHeader>
                <CardDescription>{t("tariffs.simulator.empty")}</CardDescription>
              </CardHeader>
            </Card>
          ) : result.isError ? (
            <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {result.error.message}
            </p>
          ) : !result.data || result.isFetching ? (
            <Skeleton className="h-96 w-full" />
          ) : (
            <SimulationResult result={result.data} />
          )}
        </div>
      </div>
    </div>
  );
}
