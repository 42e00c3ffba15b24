import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { htmlWithContentSecurityPolicy } from './shared/csp';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The page's <meta> CSP, from the same constant the hosts send as a header. */
const contentSecurityPolicy = (): Plugin => ({
  name: 'qiantai-content-security-policy',
  transformIndexHtml: { order: 'pre', handler: htmlWithContentSecurityPolicy },
});

/**
 * The renderer is one static bundle loaded two ways: from file:// by Electron and from the
 * loopback HTTP host in browser mode, hence relative asset paths (`base: './'`).
 * It imports the contract straight from ../shared, so the dev server may read outside its root.
 */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  server: { fs: { allow: [here('.')] } },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts stay files: the app's content security policy does not allow data: fonts, and the
    // print CSS must find every subset of the bundled Chinese font.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    // antd alone is larger than the default warning size; split vendor code so the app chunk stays readable.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
