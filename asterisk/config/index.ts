export { ConfigValueError } from "./config-value-error";
export { routeDialNumber, routeDialString, routesInOrder } from "./extensions-routes";
export { lintPbxConfig } from "./lint";
export * from "./model";
export * from "./names";
export {
  countEndpoints,
  renderExtensionsDids,
  renderExtensionsRoutes,
  renderExtensionsTenants,
  renderPbxConfig,
  renderPjsipCustomerTrunks,
  renderPjsipExtensions,
  renderPjsipGateways,
  renderVoicemailTenants,
} from "./render-pbx-config";
