import type { IncomingMessage } from 'node:http';

/**
 * The checks that keep browser mode a local, single-office service: only loopback peers,
 * only our own Host (defeats DNS rebinding), only our own Origin on writes (defeats other
 * pages open in the same browser).
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function checkRequestOrigin(req: IncomingMessage, port: number): string | null {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return '只接受本机访问';
  const host = req.headers.host;
  if (!host || !allowedHosts(port).has(host.toLowerCase())) return '访问地址不正确';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return '拒绝来自其他网页的请求';
  // Browsers send Sec-Fetch-Site; anything but our own origin is another site's page.
  const site = req.headers['sec-fetch-site'];
  if (req.method !== 'GET' && site !== undefined && site !== 'same-origin' && site !== 'none') return '拒绝来自其他网页的请求';
  return null;
}
