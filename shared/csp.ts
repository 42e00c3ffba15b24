/**
 * The app's one content security policy: sent as a header by browser mode's host (db/http/host.ts)
 * and by Electron's app:// protocol (electron/security.ts), and written into renderer/index.html's
 * <meta> at build time (vite.config.ts), so the three can never drift apart.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // antd's CSS-in-JS injects <style> tags; styles only, never scripts.
  ['style-src', "'self' 'unsafe-inline'"],
  // The office logo is kept as a data: URL (设置 → 系统设置). Fonts are files: 'self' via default-src.
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives only a header can carry: in a <meta> the browser ignores them and logs an error. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const policy = (directives: ReadonlyArray<readonly [string, string]>) => directives.map(([k, v]) => `${k} ${v}`).join('; ');

/** The Content-Security-Policy header. */
export const CONTENT_SECURITY_POLICY = policy(CSP_DIRECTIVES);

/** The same policy for the page's <meta http-equiv="Content-Security-Policy">. */
export const META_CONTENT_SECURITY_POLICY = policy(CSP_DIRECTIVES.filter(([k]) => !HEADER_ONLY.has(k)));

/** Where renderer/index.html wants the policy; the build fails rather than ship a page without it. */
export const CSP_PLACEHOLDER = '__CONTENT_SECURITY_POLICY__';

export function htmlWithContentSecurityPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html has no ${CSP_PLACEHOLDER} for the content security policy`);
  return html.replaceAll(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY.replaceAll('&', '&amp;').replaceAll('"', '&quot;'));
}
