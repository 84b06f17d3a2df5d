import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // CLI tests spawn the built binary; give slow CI machines room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
