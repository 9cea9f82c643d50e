import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Some test files run real Astro builds; one file at a time keeps them from sharing Astro's caches.
    fileParallelism: false,
  },
});
