"use client";

import type { ComponentProps } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import type { MemberRoleName } from "@/lib/schemas/settings";

type Props = {
  value: MemberRoleName;
  roles: readonly MemberRoleName[];
  onChange: (role: MemberRoleName) => void;
  disabled?: boolean;
} & Omit<ComponentProps<typeof SelectTrigger>, "onChange" | "value" | "defaultValue" | "disabled">;

/** A role picker whose options explain what each role may do. Other props (id, aria-*) go to the trigger, so FormControl can label it. */
export function RoleSelect({ value, roles, onChange, disabled, ...trigger }: Props) {
  const { t } = useI18n();
  return (
    <Select value={value} onValueChange={(v) => onChange(v as MemberRoleName)} disabled={disabled}>
      <SelectTrigger {...trigger}>
        <SelectValue>{t(`shell.role.${value}`)}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        {roles.map((role) => (
          <SelectItem key={role} value={role}>
            <div className="flex flex-col">
              <span>{t(`shell.role.${role}`)}</span>
              <span className="text-xs text-muted-foreground">{t(`settings.roles.${role}Hint`)}</span>
            </div>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
