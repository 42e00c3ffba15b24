import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, BODY_LIMIT_BYTES, type HttpHost } from '../../db/http/host';
import { isLoopbackAddress } from '../../db/http/guard';
import { COMMAND_NAMES } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { createTestApp, ADMIN, type TestApp } from '../support/app';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => any;
}

function send(host: HttpHost, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, body: text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A browser-like client: cookie jar plus the CSRF token. */
class Client {
  jar = new Map<string, string>();
  csrf = '';
  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  constructor(private host: HttpHost) {}
  async open() {
    const r = await send(this.host, 'GET', '/api/session');
    this.take(r);
    this.csrf = r.json().csrf;
    return this;
  }
  private take(r: Reply) {
    for (const line of (r.headers['set-cookie'] as string[] | undefined) ?? []) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const csrf = r.headers['x-csrf-token'];
    if (typeof csrf === 'string') this.csrf = csrf;
  }
  async call(name: string, input: unknown, extra: Record<string, string> = {}) {
    const r = await send(
      this.host,
      'POST',
      `/api/${name}`,
      { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf, origin: `http://127.0.0.1:${this.host.port}`, ...extra },
      typeof input === 'string' ? input : JSON.stringify(input),
    );
    this.take(r);
    return r;
  }
}

function fingerprint(t: TestApp): string {
  const h = createHash('sha256');
  for (const f of [t.dbPath, `${t.dbPath}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}

describe('browser mode host', () => {
  let t: TestApp;
  let host: HttpHost;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp({ setup: 'printed' });
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>物业前台</title></html>');
    host = await startHttpHost({ dispatcher: t.app.dispatcher, rendererDir, port: 0 });
    admin = await new Client(host).open();
    const r = await admin.call('auth.setup', { ...ADMIN, setupCode: t.app.setupCode });
    expect(r.json().ok).toBe(true);
  });
  afterAll(async () => {
    await host.close();
    await t.close();
  });

  it('listens on 127.0.0.1 only and serves the renderer with a strict CSP', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await send(host, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('物业前台');
    // The app's one policy (shared/csp.ts), as Electron's app:// sends it and the page's <meta> carries it.
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect((await send(host, 'GET', '/../../etc/passwd')).body).not.toContain('root:');
    expect((await send(host, 'GET', '/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
  });

  it('names each browser with a long-lived client cookie that survives sign-in, and cookie-less callers share one name', async () => {
    const seen: (string | undefined)[] = [];
    const spying = await startHttpHost({
      dispatcher: { run: (name, input, caller) => (seen.push(caller.clientId), t.app.dispatcher.run(name, input, caller)) },
      rendererDir: join(t.dir, 'renderer'),
      port: 0,
    });
    try {
      const browser = await new Client(spying).open();
      const client = browser.jar.get('qt_client');
      expect(client).toMatch(/^[A-Za-z0-9_-]{24}$/);
      await browser.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
      await browser.call('auth.session', {});
      expect(browser.jar.get('qt_client')).toBe(client);
      // Opening the page again keeps the name; only a browser without it gets a new one.
      expect(String((await send(spying, 'GET', '/api/session', { cookie: browser.cookie })).headers['set-cookie'] ?? '')).not.toContain('qt_client=');
      const stripped = await new Client(spying).open();
      stripped.jar.delete('qt_client');
      await stripped.call('auth.session', {});
      expect(seen).toEqual([`browser:${client}`, `browser:${client}`, 'browser:anonymous']);
    } finally {
      await spying.close();
    }
  });

  it('rejects foreign Host headers (DNS rebinding) and foreign origins', async () => {
    expect((await send(host, 'GET', '/api/session', { host: 'evil.example:80' })).status).toBe(403);
    expect((await send(host, 'GET', '/', { host: `attacker.test:${host.port}` })).status).toBe(403);
    const foreign = await admin.call('operators.list', { filters: {} }, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error.message).toMatch(/其他网页/);
    const crossSite = await admin.call('operators.list', { filters: {} }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('recognises loopback peers only', () => {
    expect(['127.0.0.1', '127.8.0.3', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.2', '192.168.1.5', '::ffff:10.0.0.1', 'fe80::1', '', undefined].some(isLoopbackAddress)).toBe(false);
  });

  it('needs the CSRF token that only our own page can read', async () => {
    const noToken = await admin.call('operators.list', { filters: {} }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.headers['x-csrf']).toBe('invalid');
    const other = await new Client(host).open();
    const stolenCookie = await admin.call('operators.list', { filters: {} }, { 'x-csrf-token': other.csrf });
    expect(stolenCookie.status).toBe(403);
    expect((await admin.call('operators.list', { filters: {} })).json().ok).toBe(true);
  });

  it('describes every command with roles, writes and a JSON Schema of its input', async () => {
    const list = (await send(host, 'GET', '/api/commands')).json() as { name: string; access: unknown; writes: boolean; input: any }[];
    expect(list.map((c) => c.name).sort()).toEqual([...COMMAND_NAMES].sort());
    const create = list.find((c) => c.name === 'operators.create')!;
    expect(create).toMatchObject({ access: ['admin'], writes: true });
    expect(create.input.properties.displayName).toMatchObject({ type: 'string', maxLength: 32 });
    expect(create.input.additionalProperties).toBe(false);
  });

  it('answers malformed input with a validation envelope and leaves the database byte-identical', async () => {
    await admin.call('auth.touch', {});
    const before = fingerprint(t);
    const cases: [string, string][] = [
      ['operators.create', '{"displayName": 7}'],
      ['operators.create', '{not json'],
      ['operators.create', JSON.stringify({ displayName: '张三', login: 'zs', password: 'long-enough-1', roles: ['cashier'], extra: 1 })],
      ['operators.create', JSON.stringify({ displayName: 'x'.repeat(10_000), login: 'zs', password: 'long-enough-1', roles: ['cashier'] })],
      ['operators.update', '[]'],
      ['settings.update', '{"lockMinutes": "ten"}'],
      ['operators.setDisabled', 'null'],
    ];
    for (const [name, body] of cases) {
      const r = await admin.call(name, body);
      expect(r.json().ok, `${name} ${body.slice(0, 40)}`).toBe(false);
      expect(r.json().error.kind).toBe('validation');
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const unknown = await admin.call('operators.explode', {});
    expect(unknown.json().error.kind).toBe('not_found');
    expect(fingerprint(t)).toBe(before);
  });

  it('refuses bodies over the size cap and other content types', async () => {
    const huge = await admin.call('operators.create', JSON.stringify({ displayName: 'x'.repeat(BODY_LIMIT_BYTES) }));
    expect(huge.status).toBe(413);
    expect(huge.json().error.message).toBe('提交的内容过大');
    const form = await admin.call('operators.list', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('answers a command name that does not decode (POST /api/%ZZ) with not_found, never a 500', async () => {
    const errors: unknown[] = [];
    const watched = await startHttpHost({ dispatcher: t.app.dispatcher, rendererDir: join(t.dir, 'renderer'), port: 0, onError: (e) => errors.push(e) });
    try {
      for (const path of ['/api/%ZZ', '/api/%E4%B8', '/api/auth.%']) {
        // No cookie at all, as the probe sent it; and a signed-in browser's request.
        const bare = await send(watched, 'POST', path, { 'content-type': 'application/json' }, '{}');
        expect(bare.status, path).toBe(404);
        expect(bare.json(), path).toMatchObject({ ok: false, error: { kind: 'not_found' } });
        expect(bare.json().error.message, path).toMatch(/[\u4e00-\u9fff]/);
        const signedIn = await send(watched, 'POST', path, { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf }, '{}');
        expect(signedIn.status, path).toBe(404);
      }
      expect(errors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('reads the media type properly: JSON in any case and with parameters is accepted, look-alikes are refused', async () => {
    for (const type of ['application/json', 'application/JSON', 'Application/Json; charset=utf-8', 'application/json;charset=UTF-8', ' application/json ']) {
      const r = await admin.call('auth.session', {}, { 'content-type': type });
      expect(r.status, type).toBe(200);
      expect(r.json().ok, type).toBe(true);
    }
    for (const type of ['application/jsonp', 'application/json-seq', 'text/json', 'application/json+x', 'application/x-json', 'json', '']) {
      const r = await admin.call('auth.session', {}, { 'content-type': type });
      expect(r.status, type).toBe(415);
      expect(r.json().error.message, type).toBe('请求格式不正确');
    }
  });

  it('signs in with an HttpOnly SameSite cookie, rotates it at login, and forgets it at sign-out', async () => {
    const c = await new Client(host).open();
    const anonymousCookie = c.cookie;
    expect((await c.call('operators.list', { filters: {} })).json().error.kind).toBe('unauthenticated');
    const login = await c.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
    expect(login.json()).toMatchObject({ ok: true, value: { operator: { login: 'admin' } } });
    expect(login.body).not.toMatch(/token/i);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(c.cookie).not.toBe(anonymousCookie);
    expect((await c.call('operators.list', { filters: {} })).json().ok).toBe(true);
    const signedInCookie = c.cookie;
    expect((await c.call('auth.logout', {})).json().ok).toBe(true);
    expect(c.cookie).not.toBe(signedInCookie);
    expect((await c.call('operators.list', { filters: {} })).json().error.kind).toBe('unauthenticated');
  });

  it('answers forbidden to an operator without the role', async () => {
    await admin.call('operators.create', { displayName: '钱前台', login: 'qian', password: 'qian-pass-1', roles: ['receptionist'] });
    const c = await new Client(host).open();
    await c.call('auth.login', { login: 'qian', password: 'qian-pass-1' });
    const before = fingerprint(t);
    const r = await c.call('operators.create', { displayName: '越权', login: 'hack', password: 'hack-pass-1', roles: ['admin'] });
    expect(r.json().error).toMatchObject({ kind: 'forbidden', message: '您的角色无权执行“新增操作员”' });
    // Only the session's last-seen time may move; no operator row, no audit row.
    expect(t.app.connection.sqlite.prepare("SELECT count(*) n FROM operators WHERE login = 'hack'").get()).toEqual({ n: 0 });
    expect(fingerprint(t)).toBe(before);
  });
});
