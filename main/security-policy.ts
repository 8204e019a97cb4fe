/**
 * The renderer's Content-Security-Policy, for both the desktop window and the web harness:
 * no inline scripts, no eval, nothing fetched from elsewhere. Inline styles are allowed because
 * React Flow positions nodes with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
