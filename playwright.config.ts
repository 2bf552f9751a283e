import { defineConfig } from '@playwright/test';

// E2E tests drive the built extension (.output/chrome-mv3) in Debian's headless Chromium; see tests/e2e/extension-fixture.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two cores: one browser at a time keeps timings honest and the machine responsive.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: { trace: 'retain-on-failure' },
});
