import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Node benchmarks: each *.bench.ts is a Vitest file that measures and calls recordResults().
export default defineConfig({
  plugins: [WxtVitest()],
  test: { include: ['bench/**/*.bench.ts'], testTimeout: 600_000, execArgv: ['--expose-gc'] },
});
