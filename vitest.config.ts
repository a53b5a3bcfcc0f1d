import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts', 'test-support/**/*.test.ts'],
    // Real-daemon tests start processes; keep the default timeout generous but finite.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
