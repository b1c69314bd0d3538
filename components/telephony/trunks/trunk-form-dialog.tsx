"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { CALLER_ID_POLICIES, TRUNK_AUTH_MODES, TRUNK_DEFAULTS, TrunkCreateInput, type TrunkOutput } from "@/lib/schemas/trunk";
import { CodecOrderInput } from "./codec-order-input";
import { IpListInput } from "./ip-list-input";

export type TrunkFormInput = z.input<typeof TrunkCreateInput>;
export type TrunkFormOutput = z.output<typeof TrunkCreateInput>;
type ServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> } | null };

function defaults(trunk: TrunkOutput | null): TrunkFormInput {
  return {
    name: trunk?.name ?? "",
    authMode: trunk?.authMode ?? "ip",
    ipMatches: trunk?.ipMatches ?? [],
    host: trunk?.host ?? "",
    port: trunk?.port ?? TRUNK_DEFAULTS.port,
    codecs: (trunk?.codecs ?? TRUNK_DEFAULTS.codecs) as TrunkFormInput["codecs"],
    channelLimit: trunk?.channelLimit ?? TRUNK_DEFAULTS.channelLimit,
    callerIdPolicy: trunk?.callerIdPolicy ?? "passthrough",
    callerIdNumber: trunk?.callerIdNumber ?? "",
    enabled: trunk?.enabled ?? true,
  };
}

/** Errors of the address list come per item ("ipMatches.1"): show the first, naming the address. */
function ipListError(error: unknown, values: string[], tm: (m: string | undefined) => string): string {
  if (!error || typeof error !== "object") return "";
  const own = (error as { message?: string }).message;
  if (own) return tm(own);
  const index = Object.keys(error).find((k) => /^\d+$/.test(k));
  const item = index === undefined ? undefined : (error as Record<string, { message?: string } | undefined>)[index];
  return item?.message ? `${values[Number(index)] ?? ""}: ${tm(item.message)}` : "";
}

const numberValue = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : "");
const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trunk: TrunkOutput | null;
  /** The tenant's DIDs for a fixed caller id (a free field when not given, e.g. in the console). */
  didOptions?: string[];
  /** Saves; rejects with the tRPC error so its field errors land under their fields. */
  onSubmit: (values: TrunkFormOutput) => Promise<unknown>;
};

/** Create or edit a customer SIP trunk; the fields follow the auth mode (addresses for IP, a generated password for registration). */
export function TrunkFormDialog({ open, onOpenChange, trunk, didOptions, onSubmit }: Props) {
  const { t, tm } = useI18n();
  const [saving, setSaving] = useState(false);
  const form = useForm<TrunkFormInput, unknown, TrunkFormOutput>({
    resolver: zodResolver(TrunkCreateInput),
    defaultValues: defaults(trunk),
  });
  useEffect(() => {
    if (open) form.reset(defaults(trunk));
  }, [open, trunk, form]);
  const [authMode, callerIdPolicy, name] = form.watch(["authMode", "callerIdPolicy", "name"]);

  async function submit(values: TrunkFormOutput) {
    setSaving(true);
    try {
      await onSubmit(values);
      onOpenChange(false);
    } catch (error) {
      const { message, data } = error as ServerError;
      const fieldErrors = Object.entries(data?.fieldErrors ?? {});
      for (const [path, messages] of fieldErrors) form.setError(path.split(".")[0] as Path<TrunkFormInput>, { message: messages[0] });
      if (fieldErrors.length === 0) toast.error(message);
    } finally {
      setSaving(false);
    }
  }

  const label = (field: keyof TrunkFormInput) => t(`telephony.trunks.field.${field}`);
  const message = (error?: { message?: string }) => <FormMessage>{tm(error?.message)}</FormMessage>;

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{trunk ? t("telephony.trunks.editTitle", { name: trunk.name }) : t("telephony.trunks.newTitle")}</DialogTitle>
          <DialogDescription>{t("telephony.trunks.formDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(submit)} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="trunk-form">
            <FormField
              control={form.control}
              name="name"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{label("name")}</FormLabel>
                  <FormControl>
                    <Input {...field} maxLength={30} disabled={Boolean(trunk)} autoFocus={!trunk} placeholder="matriz" />
                  </FormControl>
                  <FormDescription>{t("telephony.trunks.hint.name")}</FormDescription>
                  {message(fieldState.error)}
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="authMode"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{label("authMode")}</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {TRUNK_AUTH_MODES.map((mode) => (
                        <SelectItem key={mode} value={mode}>
                          {t(`telephony.trunks.mode.${mode}`)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  {message(fieldState.error)}
                </FormItem>
              )}
            />
            {authMode === "ip" ? (
              <>
                <FormField
                  control={form.control}
                  name="ipMatches"
                  render={({ field, fieldState }) => (
                    <FormItem className="sm:col-span-2">
                      <FormLabel>{label("ipMatches")}</FormLabel>
                      <FormControl>
                        <IpListInput
                          key={String(open)}
                          value={field.value ?? []}
                          onChange={field.onChange}
                          invalid={Boolean(fieldState.error)}
                          placeholder={"203.0.113.10\n198.51.100.0/24"}
                        />
                      </FormControl>
                      <FormDescription>{t("telephony.trunks.hint.ipMatches")}</FormDescription>
                      <FormMessage>{ipListError(fieldState.error, field.value ?? [], tm)}</FormMessage>
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="host"
                  render={({ field, fieldState }) => (
                    <FormItem>
                      <FormLabel>{label("host")}</FormLabel>
                      <FormControl>
                        <Input {...field} value={field.value ?? ""} maxLength={253} placeholder="pbx.cliente.com.br" />
                      </FormControl>
                      <FormDescription>{t("telephony.trunks.hint.host")}</FormDescription>
                      {message(fieldState.error)}
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="port"
                  render={({ field, fieldState }) => (
                    <FormItem>
                      <FormLabel>{label("port")}</FormLabel>
                      <FormControl>
                        <Input
                          type="number"
                          min={1}
                          max={65535}
                          value={numberValue(field.value)}
                          onChange={(e) => field.onChange(toNumber(e.target.value))}
                        />
                      </FormControl>
                      {message(fieldState.error)}
                    </FormItem>
                  )}
                />
              </>
            ) : (
              <div className="rounded-md border bg-muted/40 p-3 text-sm sm:col-span-2">
                <p>{t("telephony.trunks.hint.registration")}</p>
                {name && (
                  <p className="mt-1 font-mono text-xs">
                    {t("telephony.trunks.sipUser")}: {trunk?.endpoint ?? `…_trunk_${name}`}
                  </p>
                )}
              </div>
            )}
            <FormField
              control={form.control}
              name="codecs"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>{label("codecs")}</FormLabel>
                  <CodecOrderInput value={field.value ?? []} onChange={field.onChange} />
                  {message(fieldState.error)}
                </FormItem>
              )}
            />
            <div className="flex flex-col gap-4">
              <FormField
                control={form.control}
                name="channelLimit"
                render={({ field, fieldState }) => (
                  <FormItem>
                    <FormLabel>{label("channelLimit")}</FormLabel>
                    <FormControl>
                      <Input
                        type="number"
                        min={1}
                        max={1000}
                        value={numberValue(field.value)}
                        onChange={(e) => field.onChange(toNumber(e.target.value))}
                      />
                    </FormControl>
                    {message(fieldState.error)}
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="callerIdPolicy"
                render={({ field, fieldState }) => (
                  <FormItem>
                    <FormLabel>{label("callerIdPolicy")}</FormLabel>
                    <Select value={field.value} onValueChange={field.onChange}>
                      <FormControl>
                        <SelectTrigger className="w-full">
                          <SelectValue />
                        </SelectTrigger>
                      </FormControl>
                      <SelectContent>
                        {CALLER_ID_POLICIES.map((policy) => (
                          <SelectItem key={policy} value={policy}>
                            {t(`telephony.trunks.callerIdPolicy.${policy}`)}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                    {message(fieldState.error)}
                  </FormItem>
                )}
              />
              {callerIdPolicy === "fixed" && (
                <FormField
                  control={form.control}
                  name="callerIdNumber"
                  render={({ field, fieldState }) => (
                    <FormItem>
                      <FormLabel>{label("callerIdNumber")}</FormLabel>
                      {didOptions ? (
                        <Select value={field.value || undefined} onValueChange={field.onChange}>
                          <FormControl>
                            <SelectTrigger className="w-full">
                              <SelectValue placeholder={didOptions.length ? undefined : t("telephony.extensions.noDids")} />
                            </SelectTrigger>
                          </FormControl>
                          <SelectContent>
                            {[...new Set([...(trunk?.callerIdNumber ? [trunk.callerIdNumber] : []), ...didOptions])].map((did) => (
                              <SelectItem key={did} value={did}>
                                {did}
                              </SelectItem>
                            ))}
                          </SelectContent>
                        </Select>
                      ) : (
                        <FormControl>
                          <Input {...field} value={field.value ?? ""} inputMode="tel" maxLength={16} placeholder="+551133334444" />
                        </FormControl>
                      )}
                      <FormDescription>{t("telephony.trunks.hint.callerIdNumber")}</FormDescription>
                      {message(fieldState.error)}
                    </FormItem>
                  )}
                />
              )}
              <FormField
                control={form.control}
                name="enabled"
                render={({ field }) => (
                  <FormItem className="flex items-center gap-2">
                    <FormControl>
                      <Checkbox checked={Boolean(field.value)} onCheckedChange={(v) => field.onChange(v === true)} />
                    </FormControl>
                    <FormLabel className="font-normal">{label("enabled")}</FormLabel>
                  </FormItem>
                )}
              />
            </div>
            <FormDialogFooter saving={saving} onCancel={() => onOpenChange(false)} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
