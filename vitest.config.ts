import { defineConfig } from 'vitest/config';

// One runner for every tier. Tests mirror the source tree (test/shared, test/main, test/renderer);
// real-peer tests live in test/integration, browser tests in e2e/. Two cores: at most two workers.
export default defineConfig({
  test: {
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/shared/**/*.test.ts', 'test/main/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'renderer', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['test-support/renderer-setup.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.e2e.ts'], environment: 'node', testTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
