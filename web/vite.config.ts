import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolve from this file, not the cwd, so `vite --config web/vite.config.ts` works from anywhere.
const webDir = fileURLToPath(new URL('.', import.meta.url));
const apiProxy = { '/api': 'http://localhost:8080' };

export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
