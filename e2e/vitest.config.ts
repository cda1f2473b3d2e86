// Browser tests: the real server in-process, the built web app, Debian's Chromium driven by playwright-core.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export default defineConfig({
  test: {
    root,
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
