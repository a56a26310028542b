import { type NetworkInterfaceInfo, networkInterfaces } from "node:os";

/**
 * `http://` URLs under which other devices on the local network can reach a server listening on
 * all interfaces at `port`: one per non-internal IPv4 address. IPv6 is left out because link-local
 * IPv6 URLs need a zone id that phones and kiosk browsers do not accept.
 * @param port Port the server listens on.
 * @param base Base path appended to each URL (default `/`).
 * @param interfaces Injected for tests; defaults to `os.networkInterfaces()`.
 */
export function lanUrls(
  port: number,
  base = "/",
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const urls: string[] = [];
  for (const addresses of Object.values(interfaces)) {
    for (const info of addresses ?? []) {
      if (info.family === "IPv4" && !info.internal) {
        urls.push(`http://${info.address}:${port}${base}`);
      }
    }
  }
  return urls;
}
