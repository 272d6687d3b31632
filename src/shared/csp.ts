/**
 * The renderer's Content Security Policy (design §3.5), one definition for every place that sends it:
 * the loopback HTTP server (header), the Electron app protocol (header) and the built index.html (meta).
 * Only our own origin; no inline or eval'd script. `style-src 'unsafe-inline'` is needed because Mantine
 * writes its theme as CSS variables into <style> elements and inline `style` attributes at run time.
 */
const DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For a `Content-Security-Policy` response header. */
export const RENDERER_CSP = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** For `<meta http-equiv="Content-Security-Policy">`: browsers ignore (and warn about) frame-ancestors there. */
export const RENDERER_CSP_META = DIRECTIVES.join('; ');
