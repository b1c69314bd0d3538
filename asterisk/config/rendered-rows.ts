import type { ExtensionModel, PbxConfigModel, TenantModel, TrunkModel } from "./model";

// Which rows reach Asterisk, in the order they are written. The loader sorts already; sorting again
// here keeps the output byte-stable whatever the caller passes. Suspended tenants keep nothing but
// their DIDs (which answer "unavailable"); disabled extensions and trunks get no endpoint.

const byString =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export const sortedTenants = (model: PbxConfigModel): TenantModel[] => [...model.tenants].sort(byString((t) => t.code));

export const renderedTenants = (model: PbxConfigModel): TenantModel[] => sortedTenants(model).filter((t) => !t.suspended);

export const sortedExtensions = (tenant: TenantModel): ExtensionModel[] => [...tenant.extensions].sort(byString((e) => e.number));

export const renderedExtensions = (tenant: TenantModel): ExtensionModel[] => sortedExtensions(tenant).filter((e) => e.enabled);

export const renderedTrunks = (tenant: TenantModel): TrunkModel[] =>
  [...tenant.trunks].filter((t) => t.enabled).sort(byString((t) => t.name));

export const sortedByName = <T extends { name: string }>(items: T[]): T[] => [...items].sort(byString((i) => i.name));

/** Routes in the order Asterisk must try them: priority, then name (so ties are stable). */
export const orderedRoutes = <T extends { name: string; priority: number }>(routes: T[]): T[] =>
  [...routes].sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const extensionIndex = new WeakMap<TenantModel, Map<string, ExtensionModel>>();

/** The tenant's extensions by number (DID destinations and ring groups look them up by thousands). */
export function extensionsByNumber(tenant: TenantModel): Map<string, ExtensionModel> {
  let index = extensionIndex.get(tenant);
  if (!index) {
    index = new Map(tenant.extensions.map((e) => [e.number, e]));
    extensionIndex.set(tenant, index);
  }
  return index;
}
