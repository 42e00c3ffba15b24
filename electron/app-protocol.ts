/** Serves dist/renderer on app://qiantai/ — only files inside that folder, always with the CSP header. */
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_RESPONSE_HEADERS, APP_SCHEME, APP_SCHEME_PRIVILEGES, contentTypeFor, resolveAppFile } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function serveRenderer(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: APP_RESPONSE_HEADERS });
    }
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: APP_RESPONSE_HEADERS });
    try {
      // fs reads inside app.asar transparently in Electron's main process.
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...APP_RESPONSE_HEADERS, 'content-type': contentTypeFor(file), 'cache-control': 'no-cache' },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: APP_RESPONSE_HEADERS });
    }
  });
}
