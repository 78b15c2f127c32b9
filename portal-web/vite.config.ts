/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by the gateway under /portal/ (see docs/adr/0012-portal-web.md). `npm run dev` proxies the
// gateway's API paths to a local run on :8080.
const gateway = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/auth': gateway,
      '/portal/v1': gateway,
      '/downloads': gateway,
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // A page rendered in jsdom takes well under a second, but several times that on a busy shared machine.
    testTimeout: 20_000,
  },
});
