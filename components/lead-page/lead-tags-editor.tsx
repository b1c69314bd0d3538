"use client";

import { useQuery } from "@tanstack/react-query";
import { PlusIcon, XIcon } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { LeadTag, TAG_MAX_LENGTH, TAGS_PER_LEAD } from "@/lib/schemas/lead";

type Props = { tags: string[]; readOnly: boolean; onChange: (tags: string[]) => void };

/** Chips with a remove button each, and an input that adds a tag on Enter (suggesting the tenant's common tags). */
export function LeadTagsEditor({ tags, readOnly, onChange }: Props) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const listId = useId();
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const suggestions = useQuery({ ...trpc.leads.tags.queryOptions(), enabled: adding, staleTime: 60_000 }).data ?? [];

  function add() {
    const parsed = LeadTag.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? null);
    if (!tags.includes(parsed.data)) onChange([...tags, parsed.data]);
    setDraft("");
    setError(null);
  }

  return (
    <div className="flex flex-col gap-1">
      <ul className="flex flex-wrap items-center gap-1.5" aria-label={t("leadPage.tags")}>
        {tags.length === 0 && !adding && <li className="text-sm text-muted-foreground">{t("leadPage.noTags")}</li>}
        {tags.map((tag) => (
          <li key={tag}>
            <Badge variant="secondary" className="gap-1 pr-1">
              {tag}
              {!readOnly && (
                <button
                  type="button"
                  className="rounded-sm p-0.5 outline-none hover:bg-foreground/10 focus-visible:ring-2 focus-visible:ring-ring"
                  aria-label={t("leadPage.removeTag", { tag })}
                  onClick={() => onChange(tags.filter((x) => x !== tag))}
                >
                  <XIcon aria-hidden className="size-3" />
                </button>
              )}
            </Badge>
          </li>
        ))}
        {!readOnly && tags.length < TAGS_PER_LEAD && (
          <li>
            {adding ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  add();
                }}
              >
                <Input
                  autoFocus
                  list={listId}
                  value={draft}
                  maxLength={TAG_MAX_LENGTH}
                  placeholder={t("leadPage.tagPlaceholder")}
                  aria-label={t("leadPage.addTag")}
                  aria-invalid={Boolean(error)}
                  className="h-7 w-40 text-xs"
                  onChange={(e) => setDraft(e.target.value)}
                  onBlur={() => {
                    if (draft.trim() === "") setAdding(false);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === "Escape") {
                      setDraft("");
                      setError(null);
                      setAdding(false);
                    }
                  }}
                />
                <datalist id={listId}>
                  {suggestions
                    .filter((s) => !tags.includes(s.tag))
                    .map((s) => (
                      <option key={s.tag} value={s.tag} />
                    ))}
                </datalist>
              </form>
            ) : (
              <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setAdding(true)}>
                <PlusIcon aria-hidden /> {t("leadPage.addTag")}
              </Button>
            )}
          </li>
        )}
      </ul>
      {error && (
        <p role="alert" className="text-xs text-destructive">
          {tm(error)}
        </p>
      )}
    </div>
  );
}
