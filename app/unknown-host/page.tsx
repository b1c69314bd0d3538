// A host under the root domain that names no valid workspace: the same page as an unknown tenant.
export { default } from "../t/[tenant]/not-found";

export const dynamic = "force-dynamic";
