"use client";

import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";

type Props = Omit<React.ComponentProps<"input">, "value" | "onChange" | "type"> & {
  value: unknown;
  onChange: (value: number | null) => void;
  /** Whether the number may be negative (a minus sign is accepted). */
  signed?: boolean;
  /** Empty means null (an optional number) rather than "missing" (NaN, reported as required). */
  emptyIsNull?: boolean;
};

function show(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/**
 * A whole-number field that keeps what the user types ("-" on the way to "-5") while handing the
 * form a number: only digits (and a leading minus when signed) get in at all.
 */
export function NumberInput({ value, onChange, signed = false, emptyIsNull = false, ...props }: Props) {
  const [text, setText] = useState(show(value));

  useEffect(() => {
    setText((current) => (Number(current) === value || (current === "" && value == null) ? current : show(value)));
  }, [value]);

  return (
    <Input
      {...props}
      type="text"
      inputMode={signed ? "text" : "numeric"}
      autoComplete="off"
      value={text}
      onChange={(event) => {
        const raw = event.target.value.replace(/\u2212/g, "-").replace(signed ? /[^\d-]/g : /\D/g, "");
        const cleaned = signed ? raw.replace(/(?!^)-/g, "") : raw;
        setText(cleaned);
        if (cleaned === "" || cleaned === "-") onChange(emptyIsNull && cleaned === "" ? null : Number.NaN);
        else onChange(Number(cleaned));
      }}
    />
  );
}
