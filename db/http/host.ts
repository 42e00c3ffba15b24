import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { commands, COMMAND_NAMES, isCommandName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Dispatcher } from '../dispatcher';
import { checkRequestOrigin } from './guard';
import { serveStatic } from './static';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/** Request bodies larger than this are refused before parsing. */
export const BODY_LIMIT_BYTES = 256 * 1024;
const COOKIE = 'qt_sid';
/** Names this browser for throttles across sign-ins (the session cookie changes at every login). */
const CLIENT_COOKIE = 'qt_client';
const CLIENT_COOKIE_DAYS = 400;


const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export interface HttpHost {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer plus `POST /api/<command>` on 127.0.0.1, calling the same
 * dispatcher as Electron's IPC. The session lives in an HttpOnly, SameSite=Strict cookie; every
 * POST also needs a CSRF token derived from that cookie, readable only by our own origin.
 */
export async function startHttpHost(options: {
  dispatcher: Dispatcher;
  rendererDir: string;
  port?: number;
  onError?: (e: unknown) => void;
}): Promise<HttpHost> {
  const secret = randomBytes(32);
  const csrfFor = (sid: string) => createHmac('sha256', secret).update(sid).digest('base64url');
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      options.onError?.(e);
      if (!res.headersSent) sendJson(res, 500, envelope('internal', '系统出错，请重试'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = checkRequestOrigin(req, port);
    if (refused) return sendJson(res, 403, envelope('forbidden', refused));
    const path = (req.url ?? '/').split('?')[0] ?? '/';

    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, envelope('validation', '不支持的请求'));
      return serveStatic(options.rendererDir, path, res, SECURITY_HEADERS);
    }

    if (path === '/api/session' && req.method === 'GET') {
      let sid = readCookie(req, COOKIE);
      const cookies: string[] = [];
      if (!sid || sid.length > 200) {
        sid = randomBytes(32).toString('base64url');
        cookies.push(cookie(sid));
      }
      if (!validClientId(readCookie(req, CLIENT_COOKIE))) {
        cookies.push(`${CLIENT_COOKIE}=${randomBytes(18).toString('base64url')}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${CLIENT_COOKIE_DAYS * 86400}`);
      }
      return sendJson(res, 200, { csrf: csrfFor(sid) }, cookies.length ? { 'set-cookie': cookies } : {});
    }

    if (path === '/api/commands' && req.method === 'GET') {
      return sendJson(res, 200, describeCommands());
    }

    if (req.method !== 'POST') return sendJson(res, 405, envelope('validation', '不支持的请求方法'));
    const name = decodeCommandName(path.slice('/api/'.length));
    // A name that does not even decode (`%ZZ`, a cut UTF-8 sequence) is no command of ours.
    if (name === null) return sendJson(res, 404, envelope('not_found', '没有这个命令'));

    const sid = readCookie(req, COOKIE);
    const token = req.headers['x-csrf-token'];
    if (!sid || typeof token !== 'string' || !safeEqual(token, csrfFor(sid))) {
      return sendJson(res, 403, envelope('forbidden', '页面已过期，请刷新后重试'), { 'x-csrf': 'invalid' });
    }
    if (!isJsonMediaType(req.headers['content-type'])) {
      return sendJson(res, 415, envelope('validation', '请求格式不正确'));
    }

    const def = isCommandName(name) ? commands[name] : null;
    const body = await readBody(req, def?.inputLimitBytes ?? BODY_LIMIT_BYTES);
    if (body === 'too_large') return sendJson(res, 413, envelope('validation', '提交的内容过大'), { connection: 'close' });
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, envelope('validation', '请求内容不是有效的 JSON'));
    }

    const client = readCookie(req, CLIENT_COOKIE);
    // A request without our client cookie (a script that drops cookies) shares one anonymous name,
    // so dropping the cookie never earns a fresh allowance.
    const clientId = validClientId(client) ? `browser:${client}` : 'browser:anonymous';
    const outcome = await options.dispatcher.run(name, input, { sessionToken: sid, clientId });
    const headers: Record<string, string> = {};
    if (outcome.session) {
      // New cookie at login (no session fixation) and at logout; the CSRF token follows it.
      const next = outcome.session.token ?? randomBytes(32).toString('base64url');
      headers['set-cookie'] = cookie(next);
      headers['x-csrf-token'] = csrfFor(next);
    }
    return sendJson(res, 200, outcome.response, headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every command with its roles, whether it writes, and its input as JSON Schema. */
export function describeCommands() {
  return COMMAND_NAMES.map((name) => {
    const def = commands[name];
    return {
      name,
      summary: def.summary,
      access: def.access,
      writes: def.writes,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    };
  });
}

function envelope(kind: 'validation' | 'forbidden' | 'not_found' | 'internal', message: string): Result<never> {
  return { ok: false, error: { kind, message } };
}

function decodeCommandName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/**
 * `application/json` as RFC 9110 reads a media type: type and subtype case-insensitive, any
 * parameters (`; charset=utf-8`) after it. A prefix test would also let `application/jsonp`
 * or `application/json-seq` through, and refuse `application/JSON`.
 */
function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const essence = header.split(';', 1)[0]!.trim().toLowerCase();
  return essence === 'application/json';
}

function validClientId(value: string | null): value is string {
  return value !== null && /^[A-Za-z0-9_-]{24}$/.test(value);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function cookie(value: string): string {
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict`;
}

function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
