import * as React from "react";
import { Loader2Icon } from "lucide-react";

import { cn } from "@/lib/cn";

/**
 * Small loading indicator. Announced as a status with the given `aria-label`
 * (default "Loading"; pass a translated string such as "Carregando").
 */
function Spinner({ className, "aria-label": ariaLabel = "Loading", ...props }: React.ComponentProps<"svg">) {
  return (
    <Loader2Icon data-slot="spinner" role="status" aria-label={ariaLabel} className={cn("size-4 animate-spin", className)} {...props} />
  );
}

export { Spinner };
