"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Timeline } from "@/components/timeline/timeline";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { LeadOutput } from "@/lib/schemas/lead";
import { LeadCallsCard } from "./lead-calls-card";
import { LeadContactCard } from "./lead-contact-card";
import { LeadEditDialog } from "./lead-edit-dialog";
import { LeadHeader } from "./lead-header";
import { LeadOpportunitiesCard } from "./lead-opportunities-card";
import { LeadTasksCard } from "./lead-tasks-card";

type Props = {
  /** Loaded by the server page (which answered 404 for an invisible lead); kept fresh here. */
  initialLead: LeadOutput;
  me: { userId: string | null; name: string };
  /** Managers and above may delete any note. */
  canDeleteAnyNote: boolean;
  /** A support session: everything shows, nothing changes. */
  readOnly: boolean;
};

export function LeadPageView({ initialLead, me, canDeleteAnyNote, readOnly }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const query = useQuery(trpc.leads.get.queryOptions({ id: initialLead.id }, { initialData: initialLead }));
  const lead = query.data;

  return (
    <div className="mx-auto flex max-w-[96rem] flex-col gap-5">
      <Button asChild variant="ghost" size="sm" className="self-start text-muted-foreground">
        <Link href="/leads">
          <ArrowLeftIcon aria-hidden /> {t("leadPage.back")}
        </Link>
      </Button>
      <LeadHeader lead={lead} readOnly={readOnly} onEdit={() => setEditing(true)} />
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr] 2xl:grid-cols-[20rem_minmax(0,1fr)_22rem] 2xl:grid-rows-1">
        <div className="lg:col-start-2 lg:row-start-1 2xl:col-start-1">
          <LeadContactCard lead={lead} />
        </div>
        <div className="min-w-0 lg:col-start-1 lg:row-span-2 lg:row-start-1 2xl:col-start-2 2xl:row-span-1">
          <Timeline leadId={lead.id} me={me} canDeleteAnyNote={canDeleteAnyNote} readOnly={readOnly} />
        </div>
        <aside className="flex flex-col gap-5 lg:col-start-2 lg:row-start-2 2xl:col-start-3 2xl:row-start-1">
          <LeadOpportunitiesCard lead={{ id: lead.id, name: lead.name }} readOnly={readOnly} />
          <LeadTasksCard leadId={lead.id} readOnly={readOnly} />
          <LeadCallsCard leadId={lead.id} />
        </aside>
      </div>
      {!readOnly && <LeadEditDialog lead={lead} open={editing} onOpenChange={setEditing} />}
    </div>
  );
}
