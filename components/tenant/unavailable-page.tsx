import { Building2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A full page explaining why a workspace can't be shown, with a way back to the sign-in page. */
export function UnavailablePage({
  title,
  body,
  actionLabel,
  actionHref,
}: {
  title: string;
  body: string;
  actionLabel: string;
  actionHref: string;
}) {
  return (
    <main className="flex min-h-svh items-center justify-center p-6">
      <div className="max-w-md space-y-4 text-center">
        <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-muted">
          <Building2Icon className="size-6 text-muted-foreground" aria-hidden />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-muted-foreground">{body}</p>
        <Button asChild variant="outline">
          <a href={actionHref}>{actionLabel}</a>
        </Button>
      </div>
    </main>
  );
}
