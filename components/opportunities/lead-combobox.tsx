"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchIcon, XIcon } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useDebounced } from "@/components/leads/use-debounced";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";

export type LeadChoice = { id: string; name: string; company?: string | null };

type Props = {
  id?: string;
  value: LeadChoice | null;
  onChange: (lead: LeadChoice | null) => void;
  invalid?: boolean;
  describedBy?: string;
};

/**
 * A searchable lead picker (WAI-ARIA combobox: arrows move through the results, Enter picks, Escape
 * closes the list). Results come from leads.list, so a rep only finds the leads they may see.
 */
export function LeadCombobox({ id, value, onChange, invalid, describedBy }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebounced(text.trim(), 250);
  const results = useQuery({ ...trpc.leads.list.queryOptions({ search: search || undefined, limit: 8 }), enabled: open && !value });
  const items = results.data?.items ?? [];

  function pick(lead: LeadChoice) {
    onChange({ id: lead.id, name: lead.name, company: lead.company });
    setText("");
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (items.length ? (i + step + items.length) % items.length : 0));
    } else if (event.key === "Enter" && open && items[active]) {
      event.preventDefault();
      pick(items[active]);
    } else if (event.key === "Escape" && open) {
      // Close the list only; a second Escape closes the dialog.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  if (value) {
    return (
      <div className="flex h-9 items-center justify-between gap-2 rounded-md border px-3 text-sm" data-testid="lead-combobox-value">
        <span className="truncate">
          {value.name}
          {value.company && <span className="text-muted-foreground"> · {value.company}</span>}
        </span>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className="size-7"
          aria-label={t("pipelines.form.clearLead")}
          onClick={() => onChange(null)}
        >
          <XIcon aria-hidden />
        </Button>
      </div>
    );
  }

  return (
    <div className="relative">
      <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
      <Input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && items[active] ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        className="pl-8"
        placeholder={t("pipelines.form.leadPlaceholder")}
        value={text}
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          className="absolute top-full right-0 left-0 z-50 mt-1 max-h-64 overflow-y-auto rounded-md border bg-popover p-1 text-sm shadow-md"
        >
          {results.isFetching && items.length === 0 ? (
            <li className="px-2 py-1.5 text-muted-foreground">{t("pipelines.form.leadSearching")}</li>
          ) : items.length === 0 ? (
            <li className="px-2 py-1.5 text-muted-foreground">{t("pipelines.form.leadEmpty")}</li>
          ) : (
            items.map((lead, index) => (
              <li
                key={lead.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={cn("cursor-pointer rounded-sm px-2 py-1.5", index === active && "bg-accent text-accent-foreground")}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(lead);
                }}
                onMouseEnter={() => setActive(index)}
              >
                <span className="font-medium">{lead.name}</span>
                {lead.company && <span className="text-muted-foreground"> · {lead.company}</span>}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
