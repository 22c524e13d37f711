import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // The pseudo-terminal tests start real processes; two cores, so keep it modest.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
