import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { initialJsBudget } from './build/initial-js-budget.ts';

// The API (apps/api) listens here in development; in production it serves this build itself.
// `pnpm dev` runs the API on PORT (default 3000) beside this dev server.
const API_ORIGIN = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  plugins: [react(), initialJsBudget({ maxGzipKiB: 200 })],
  server: {
    proxy: {
      // ws: the live updates (GraphQL subscriptions) share the path, as a WebSocket upgrade.
      '/graphql': { target: API_ORIGIN, ws: true },
      '/health': API_ORIGIN,
      // Downloads (CSV, XLSX) of GraphQL lists and the analytics aggregate.
      '/exports': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our code: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
            {
              name: 'apollo',
              // graphql-js is left out: the client needs little of it (print, visit), and the parser and
              // schema tools the analysts' pages use then stay in their own lazy chunks.
              test: /node_modules[\\/](@apollo|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)[\\/]/,
              priority: 2,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Component tests wait on real timers (MockLink's delay); keep a slow CI machine from flaking.
    testTimeout: 30_000,
  },
});
