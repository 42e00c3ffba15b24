// node resources/make-icons.mjs — the app's icons, drawn from renderer/public/favicon.svg (the one
// source of the logo) by Debian's Chromium: icon.png (512 px, Linux and the window) and icon.ico
// (16–256 px, Windows and its installer). Re-run after changing the SVG; the outputs are committed
// so packaging needs no browser. tests/electron/config.test.ts checks both against the SVG's size rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'renderer', 'public', 'favicon.svg'), 'utf8');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
async function png(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return shot;
}

writeFileSync(join(root, 'resources', 'icon.png'), await png(512));

// ICO: a 6-byte header, a 16-byte entry per image, then the images as PNG (Windows Vista and later).
const images = [];
for (const size of ICO_SIZES) images.push({ size, data: await png(size) });
await browser.close();
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, data }, i) => {
  const at = 6 + 16 * i;
  header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
  header.writeUInt8(size >= 256 ? 0 : size, at + 1);
  header.writeUInt8(0, at + 2);
  header.writeUInt8(0, at + 3);
  header.writeUInt16LE(1, at + 4); // colour planes
  header.writeUInt16LE(32, at + 6); // bits per pixel
  header.writeUInt32LE(data.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += data.length;
});
writeFileSync(join(root, 'resources', 'icon.ico'), Buffer.concat([header, ...images.map((i) => i.data)]));
console.log(`resources/icon.png (512 px) and resources/icon.ico (${ICO_SIZES.join(', ')} px) written`);
