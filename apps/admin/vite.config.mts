import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

/**
 * Builds the console into dist/apps/admin, which the API serves at /. In
 * development `nx run admin:serve` proxies /graphql and /auth to an API on
 * CANOPY_API_URL (default http://localhost:4000), so the session cookie stays
 * on one origin.
 */
export default defineConfig({
  root: here,
  cacheDir: path.join(root, 'node_modules/.vite/admin'),
  plugins: [react()],
  // The pure domain (libs/domain) is compiled into the console from source, like the API reads it;
  // so is the browser entry of libs/evidence (proof checks with WebCrypto, no node:crypto).
  resolve: {
    alias: {
      '@canopy/domain': path.join(root, 'libs/domain/src/index.ts'),
      '@canopy/evidence/browser': path.join(root, 'libs/evidence/src/browser.ts'),
    },
  },
  base: '/',
  build: {
    outDir: path.join(root, 'dist/apps/admin'),
    emptyOutDir: true,
    sourcemap: true,
    // Monaco (GraphiQL's editor, loaded only on /explorer) is one 2.8 MB chunk.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's packages carry "use no memo" directives meant for the React Compiler.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    port: 4200,
    proxy: {
      '/graphql': process.env.CANOPY_API_URL ?? 'http://localhost:4000',
      '/auth': process.env.CANOPY_API_URL ?? 'http://localhost:4000',
    },
  },
});
