import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // vitest 3 leaves a core free by default: on the 2-core machine one worker ran the suite in 696 s, two in 390 s.
    maxWorkers: '100%',
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { TZ: 'America/Los_Angeles' },
  },
});
