// Builds the web app (src/web) into dist/web, which the API server serves at `/`.
// `npm ci` runs this through scripts/prepare.mjs; in development `npx vite --config src/web/vite.config.ts`
// serves it with /api and /webhooks proxied to a `stockroom serve` on port 3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
