import { writeExtensionsDids } from "./extensions-dids";
import { writeExtensionsRoutes } from "./extensions-routes";
import { writeExtensionsTenants } from "./extensions-tenants";
import { assertNoOverlappingIdentify } from "./identify-overlap";
import type { PbxConfigModel, RenderedConfig } from "./model";
import { writePjsipCustomerTrunks } from "./pjsip-customer-trunks";
import { writePjsipExtensions } from "./pjsip-extensions";
import { writePjsipGateways } from "./pjsip-gateways";
import { renderedExtensions, renderedTenants, renderedTrunks } from "./rendered-rows";
import { assertValidModel } from "./validate-model";
import { writeVoicemailTenants } from "./voicemail-tenants";

// The public entry points. Each one re-checks the WHOLE model against the allow-lists before it
// writes a byte (a value is refused even if only another file would use it), so no caller can get
// a partial or unchecked file: it gets all the text or a ConfigValueError.

function validated<T>(write: (model: PbxConfigModel) => T): (model: PbxConfigModel) => T {
  return (model) => {
    assertValidModel(model);
    assertNoOverlappingIdentify(model);
    return write(model);
  };
}

export const renderPjsipGateways = validated(writePjsipGateways);
export const renderPjsipCustomerTrunks = validated(writePjsipCustomerTrunks);
export const renderPjsipExtensions = validated(writePjsipExtensions);
export const renderExtensionsTenants = validated(writeExtensionsTenants);
export const renderExtensionsRoutes = validated(writeExtensionsRoutes);
export const renderExtensionsDids = validated(writeExtensionsDids);
export const renderVoicemailTenants = validated(writeVoicemailTenants);

/** Every file of GENERATED_FILES for one node, deterministic (same model → same bytes). */
export const renderPbxConfig = validated((model): RenderedConfig => ({
  "pjsip_gateways.conf": writePjsipGateways(model),
  "pjsip_customer_trunks.conf": writePjsipCustomerTrunks(model),
  "pjsip_extensions.conf": writePjsipExtensions(model),
  "extensions_tenants.conf": writeExtensionsTenants(model),
  "extensions_routes.conf": writeExtensionsRoutes(model),
  "extensions_dids.conf": writeExtensionsDids(model),
  "voicemail_tenants.conf": writeVoicemailTenants(model),
}));

/** How many PJSIP endpoints the files define (the sync compares it with `pjsip show endpoints`). */
export function countEndpoints(model: PbxConfigModel): number {
  let count = model.gateways.length;
  for (const tenant of renderedTenants(model)) count += renderedExtensions(tenant).length + renderedTrunks(tenant).length;
  return count;
}
