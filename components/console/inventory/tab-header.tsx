import type { ReactNode } from "react";

/** A tab's one-line explanation with its main actions on the right. */
export function TabHeader({ description, children }: { description: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted-foreground">{description}</p>
      <div className="flex flex-wrap gap-2">{children}</div>
    </div>
  );
}
