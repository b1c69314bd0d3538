"use client";

import { XIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";

export type AuditFilterValues = { tenant: string; action: string; objectType: string; actor: string; from: string; to: string };
export const NO_FILTERS: AuditFilterValues = { tenant: "", action: "", objectType: "", actor: "", from: "", to: "" };

type Props = {
  values: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
  /** Field messages from validating the filters (already translated). */
  errors: Partial<Record<keyof AuditFilterValues, string>>;
  /** Tenant slugs to suggest while typing; the tenant filter is hidden when the view is one tenant's. */
  tenantSuggestions?: { slug: string; name: string }[];
  showTenant: boolean;
};

function Field({
  id,
  label,
  error,
  children,
  className,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className ?? "grid gap-1.5"}>
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

export function AuditFilters({ values, onChange, errors, tenantSuggestions = [], showTenant }: Props) {
  const { t } = useI18n();
  const id = useId();
  const set = (key: keyof AuditFilterValues) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...values, [key]: e.target.value });
  const input = (key: keyof AuditFilterValues, props: React.ComponentProps<"input"> = {}) => (
    <Input
      id={`${id}-${key}`}
      value={values[key]}
      onChange={set(key)}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}
      {...props}
    />
  );
  const filtered = Object.entries(values).some(([key, v]) => v !== "" && (showTenant || key !== "tenant"));

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6" data-testid="audit-filters">
      {showTenant && (
        <Field id={`${id}-tenant`} label={t("console.audit.tenant")} error={errors.tenant}>
          {input("tenant", {
            list: `${id}-tenants`,
            placeholder: t("console.audit.tenantPlaceholder"),
            maxLength: 32,
            autoCapitalize: "none",
          })}
          <datalist id={`${id}-tenants`}>
            {tenantSuggestions.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </datalist>
        </Field>
      )}
      <Field id={`${id}-action`} label={t("console.audit.action")} error={errors.action}>
        {input("action", { placeholder: t("console.audit.actionPlaceholder"), maxLength: 80, autoCapitalize: "none" })}
      </Field>
      <Field id={`${id}-objectType`} label={t("console.audit.objectType")} error={errors.objectType}>
        {input("objectType", { placeholder: t("console.audit.objectTypePlaceholder"), maxLength: 40, autoCapitalize: "none" })}
      </Field>
      <Field id={`${id}-actor`} label={t("console.audit.actor")} error={errors.actor}>
        {input("actor", { type: "search", placeholder: t("console.audit.actorPlaceholder"), maxLength: 254 })}
      </Field>
      <Field id={`${id}-from`} label={t("console.audit.from")} error={errors.from}>
        {input("from", { type: "date" })}
      </Field>
      <Field id={`${id}-to`} label={t("console.audit.to")} error={errors.to}>
        {input("to", { type: "date" })}
      </Field>
      {filtered && (
        <div className="sm:col-span-2 lg:col-span-6">
          <Button variant="ghost" size="sm" onClick={() => onChange({ ...NO_FILTERS, tenant: showTenant ? "" : values.tenant })}>
            <XIcon aria-hidden /> {t("console.audit.clearFilters")}
          </Button>
        </div>
      )}
    </div>
  );
}
