"use client";

import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";

export type AuditFilterValues = { action: string; objectType?: string; actor: string; from: string; to: string };
export const NO_AUDIT_FILTERS: AuditFilterValues = { action: "", actor: "", from: "", to: "" };
const ALL = "__all";

export function hasAuditFilters(f: AuditFilterValues): boolean {
  return Boolean(f.action.trim() || f.objectType || f.actor.trim() || f.from || f.to);
}

export function AuditFilters({
  value,
  objectTypes,
  onChange,
}: {
  value: AuditFilterValues;
  objectTypes: string[];
  onChange: (next: AuditFilterValues) => void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <div className="grid gap-3 px-6 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_1fr_9.5rem_9.5rem_auto] lg:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="audit-action">{t("settings.audit.action")}</Label>
        <Input
          id="audit-action"
          value={value.action}
          maxLength={80}
          placeholder={t("settings.audit.actionPlaceholder")}
          onChange={(e) => set({ action: e.target.value })}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-object">{t("settings.audit.objectType")}</Label>
        <Select value={value.objectType ?? ALL} onValueChange={(v) => set({ objectType: v === ALL ? undefined : v })}>
          <SelectTrigger id="audit-object" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("settings.audit.allObjects")}</SelectItem>
            {objectTypes.map((type) => (
              <SelectItem key={type} value={type}>
                {type}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-actor">{t("settings.audit.actor")}</Label>
        <Input
          id="audit-actor"
          value={value.actor}
          maxLength={254}
          placeholder={t("settings.audit.actorPlaceholder")}
          onChange={(e) => set({ actor: e.target.value })}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-from">{t("settings.audit.from")}</Label>
        <Input id="audit-from" type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-to">{t("settings.audit.to")}</Label>
        <Input id="audit-to" type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <Button variant="ghost" disabled={!hasAuditFilters(value)} onClick={() => onChange(NO_AUDIT_FILTERS)}>
        <XIcon aria-hidden /> {t("settings.audit.clearFilters")}
      </Button>
    </div>
  );
}
