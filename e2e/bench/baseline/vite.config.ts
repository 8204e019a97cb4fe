import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The React Flow baseline page of the canvas benchmark. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: resolve(import.meta.dirname, '../../../out/bench/baseline'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
