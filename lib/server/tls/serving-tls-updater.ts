import "server-only";

/** Installs a new serving certificate on the listening HTTPS server (server.ts registers it). */
export type ServingTlsUpdater = (pair: { certPem: string; keyPem: string }) => void;

const KEY = Symbol.for("outpost.serving-tls-updater");
type Holder = { [KEY]?: ServingTlsUpdater };

/** Called by server.ts once its HTTPS server exists (`server.setSecureContext`). */
export function registerServingTlsUpdater(update: ServingTlsUpdater): void {
  (globalThis as Holder)[KEY] = update;
}

/** Hands a re-issued certificate to the running server; new TLS connections use it at once. */
export function updateServingTls(pair: { certPem: string; keyPem: string }): void {
  (globalThis as Holder)[KEY]?.(pair);
}
