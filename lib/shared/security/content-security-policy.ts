/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce (Next.js puts
 * it on its own inline and chunk scripts; `'strict-dynamic'` lets those load the rest),
 * everything else from our own origin. Styles allow inline attributes: React renders
 * `style=""` on the server (virtualised tables), and a nonce cannot cover attributes.
 * Development needs `'unsafe-eval'` (React's debugging and Fast Refresh).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
