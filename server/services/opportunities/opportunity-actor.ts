import type { ActivityActor } from "@/server/services/activities/record-activity";
import type { CrmViewer } from "@/server/services/crm/access";

/** Who acts on opportunities: what they may see (viewer) and how timelines name them (by). */
export type OpportunityActor = { viewer: CrmViewer; by: ActivityActor };
