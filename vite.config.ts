import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const i18nDir = fileURLToPath(new URL('./web/src/i18n', import.meta.url));

/**
 * The server redirects `/` to a language the browser asks for; it learns which languages exist
 * from this file, so adding a language stays a matter of adding its translation file.
 */
function languagesFile(): Plugin {
  return {
    name: 'polon-languages',
    generateBundle() {
      const codes = readdirSync(i18nDir)
        .filter((f) => /^[a-z]{2,3}(-[A-Za-z]+)?\.json$/.test(f))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
      this.emitFile({ type: 'asset', fileName: 'languages.json', source: JSON.stringify(codes) });
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), languagesFile()],
  build: {
    outDir: 'dist',
    // A running server (another test run, a benchmark) still serves the index.html it read at
    // start; keeping the previous build's hashed files lets that page load while a new build lands.
    emptyOutDir: false,
    // The CSP allows no inline script, so no inline module-preload polyfill either.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
