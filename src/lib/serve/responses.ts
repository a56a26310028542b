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
 * Temporary (302) redirect: a kiosk browser would remember a 301 forever, which hurts if the
 * site is later rebuilt with a different base path.
 */
export function redirect(res: ServerResponse, location: string): void {
  res.setHeader("Location", location);
  sendText(res, 302, `Found: ${location}`);
}

/** Headers every response carries, whatever its status. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
}
