import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { offlineWorker } from './client/offline/vite-plugin.js';

const serverPort = Number(process.env.PORT ?? 8080);

export default defineConfig({
  root: 'client',
  publicDir: false,
  // The offline worker (dist/client/sw.js) is built with the app: see client/offline/.
  plugins: [
    react(),
    offlineWorker({ entry: fileURLToPath(new URL('./client/offline/sw.ts', import.meta.url)) }),
    // Brotli at its best and gzip, made once at build time and served as they are
    // (server/app.ts): on a 1 Mbit/s VSAT link the best compression is worth its build second.
    compression({
      include: /\.(js|mjs|css|html|svg|json)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
  ],
  // maplibre-gl's worker does not load from Vite's pre-bundled copy.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/healthz': `http://localhost:${serverPort}`,
      '/socket.io': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    environment: 'node',
    // The whole suite runs on SQLite; the server-side tests run again on PostgreSQL (a throwaway
    // cluster started for the run). `--project sqlite` or `--project postgres` runs one of them.
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['{shared,geo,server,client}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          globalSetup: ['tests/postgres-setup.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
