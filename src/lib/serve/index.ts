export { createSiteServer, type SiteServerOptions } from "./create-server.ts";
export { lanUrls } from "./lan-urls.ts";
export { normalizeBase } from "./request-path.ts";
