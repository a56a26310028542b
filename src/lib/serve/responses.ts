import type { ServerResponse } from "node:http";

/** Sends a short plain-text answer (errors, redirects). Node drops the body for HEAD itself. */
export function sendText(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-cache");
  res.setHeader("Content-Length", Buffer.byteLength(message));
  res.end(message);
}

/**
 * A Location that stays on this server. Browsers read `//host/…` and `/\host/…` as "another
 * host" (protocol-relative), so `GET //courses` must not be answered with `//courses/`: leading
 * slashes and backslashes are folded into one `/`.
 */
export function sameOriginLocation(location: string): string {
  return location.replace(/^[/\\]+/, "/");
}

/**
 * Temporary (302) redirect to a path on this server: a kiosk browser would remember a 301
 * forever, which hurts if the site is later rebuilt with a different base path.
 */
export function redirect(res: ServerResponse, location: string): void {
  const safe = sameOriginLocation(location);
  res.setHeader("Location", safe);
  sendText(res, 302, `Found: ${safe}`);
}

/** Headers every response carries, whatever its status. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
}
