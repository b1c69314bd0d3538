"use client";

import { useState } from "react";
import { Textarea } from "@/components/ui/textarea";

/** Splits what was typed into addresses; each one is still checked by the schema (an allow-list). */
export function parseIpList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Source addresses typed one per line (or separated by spaces or commas). The text is kept as
 * typed, so a new empty line is not swallowed; the form gets the parsed list.
 */
export function IpListInput({
  value,
  onChange,
  invalid,
  ...props
}: { value: string[]; onChange: (value: string[]) => void; invalid?: boolean } & Omit<
  React.ComponentProps<"textarea">,
  "value" | "onChange"
>) {
  const [text, setText] = useState(() => value.join("\n"));
  return (
    <Textarea
      {...props}
      rows={3}
      spellCheck={false}
      className="font-mono text-sm"
      aria-invalid={invalid || undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseIpList(e.target.value));
      }}
    />
  );
}
