import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer alone, for the web harness (`npm run web`) and the browser tests. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  // Workers are ES modules, bundled as the page is: CommonJS packages (pluralize, in the export
  // preview's generator) get the same require shim, so their UMD wrapper exports what it should.
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
