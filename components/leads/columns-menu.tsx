"use client";

import { Columns3Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/components/providers/i18n-provider";
import { DEFAULT_LEAD_COLUMNS, LEAD_COLUMNS, type LeadColumn } from "@/lib/schemas/lead-view";
import { COLUMN_LABEL } from "./lead-cells";

/** The menu stays open while ticking (preventDefault on select); the name column cannot go (it is the row's link). */
export function ColumnsMenu({ columns, onChange }: { columns: LeadColumn[]; onChange: (columns: LeadColumn[]) => void }) {
  const { t } = useI18n();
  const toggle = (column: LeadColumn, on: boolean) =>
    onChange(on ? LEAD_COLUMNS.filter((c) => c === column || columns.includes(c)) : columns.filter((c) => c !== column));
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline">
          <Columns3Icon aria-hidden /> {t("leads.columns.button")}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuLabel>{t("leads.columns.title")}</DropdownMenuLabel>
        {LEAD_COLUMNS.map((column) => (
          <DropdownMenuCheckboxItem
            key={column}
            checked={column === "name" || columns.includes(column)}
            disabled={column === "name"}
            onCheckedChange={(on) => toggle(column, on)}
            onSelect={(event) => event.preventDefault()}
          >
            {t(COLUMN_LABEL[column])}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => onChange(DEFAULT_LEAD_COLUMNS)}>{t("leads.columns.reset")}</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
