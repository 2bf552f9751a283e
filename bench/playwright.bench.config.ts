import { defineConfig } from '@playwright/test';

// Benchmarks that need the built extension in Chromium. Run by `npm run bench`, not by `npm test`.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.spec.ts',
  workers: 1,
  timeout: 300_000,
  reporter: [['list']],
});
