"use client";

import { useQuery } from "@tanstack/react-query";
import { XIcon } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import { LeadTag, TAGS_PER_LEAD } from "@/lib/schemas/lead";

/** The tenant's most used tags among the leads the user sees (cached for the page). */
export function useLeadTagSuggestions(enabled = true): string[] {
  const trpc = useTRPC();
  const query = useQuery(trpc.leads.tags.queryOptions(undefined, { enabled, staleTime: 60_000 }));
  return query.data?.map((t) => t.tag) ?? [];
}

type Props = {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: string[];
  id?: string;
  invalid?: boolean;
  max?: number;
  "aria-describedby"?: string;
  "aria-label"?: string;
};

/**
 * Chips plus a text field: Enter or comma adds the typed tag, Backspace on an empty field removes
 * the last one; suggestions come from a native datalist (keyboard and screen-reader friendly).
 * Each tag is checked with the same schema as the server before it becomes a chip.
 */
export function TagInput({ value, onChange, suggestions = [], id, invalid, max = TAGS_PER_LEAD, ...aria }: Props) {
  const { t, tm } = useI18n();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();

  /** Adds each tag of `raws` (a typed or pasted "a, b"); the first invalid one stops and stays in the field. */
  function addAll(raws: string[]): boolean {
    let next = value;
    for (const [i, raw] of raws.entries()) {
      if (raw.trim() === "") continue;
      const parsed = LeadTag.safeParse(raw);
      const message = !parsed.success
        ? tm(parsed.error.issues[0]?.message)
        : !next.includes(parsed.data) && next.length >= max
          ? t("leads.tagInput.limit", { max })
          : null;
      if (message || !parsed.success) {
        if (next !== value) onChange(next);
        setText(raws.slice(i).join(", "));
        setError(message);
        return false;
      }
      if (!next.includes(parsed.data)) next = [...next, parsed.data];
    }
    if (next !== value) onChange(next);
    setText("");
    setError(null);
    return true;
  }
  const add = (raw: string) => addAll([raw]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      // Enter with an empty field submits the surrounding form as usual.
      if (event.key === "," || text.trim() !== "") event.preventDefault();
      add(text);
    } else if (event.key === "Backspace" && text === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const offered = suggestions.filter((s) => !value.includes(s));
  return (
    <div>
      <div
        className={cn(
          "flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border border-input bg-transparent px-2 py-1 shadow-xs focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50 dark:bg-input/30",
          (invalid || error) && "border-destructive",
        )}
      >
        {value.map((tag) => (
          <span
            key={tag}
            className="inline-flex items-center gap-1 rounded-sm bg-secondary px-1.5 py-0.5 text-xs text-secondary-foreground"
          >
            {tag}
            <button
              type="button"
              className="rounded-sm opacity-70 hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              aria-label={t("leads.tagInput.remove", { tag })}
              onClick={() => onChange(value.filter((v) => v !== tag))}
            >
              <XIcon className="size-3" aria-hidden />
            </button>
          </span>
        ))}
        <input
          id={id}
          value={text}
          list={listId}
          maxLength={60}
          placeholder={value.length === 0 ? t("leads.tagInput.placeholder") : undefined}
          className="min-w-32 flex-1 bg-transparent py-0.5 text-sm outline-none placeholder:text-muted-foreground"
          aria-invalid={invalid || Boolean(error)}
          aria-describedby={[aria["aria-describedby"], error ? errorId : undefined].filter(Boolean).join(" ") || undefined}
          aria-label={aria["aria-label"]}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            setError(null);
            // Picking a datalist option replaces the text in one go: take it as chosen.
            const picked = (e.nativeEvent as InputEvent).inputType === "insertReplacementText" || e.nativeEvent.constructor === Event;
            const typed = e.target.value;
            if (picked && offered.includes(typed)) add(typed);
            else if (typed.includes(",")) {
              // A comma ends a tag, typed or pasted ("vip, zona sul, "): add what precedes it.
              const parts = typed.split(",");
              const rest = parts.pop() ?? "";
              if (addAll(parts)) setText(rest.trimStart());
            } else setText(typed);
          }}
          onBlur={() => text.trim() && add(text)}
        />
      </div>
      <datalist id={listId}>
        {offered.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {error && (
        <p id={errorId} className="mt-1 text-sm text-destructive" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
