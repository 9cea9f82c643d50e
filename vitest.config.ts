import { defineConfig } from 'vitest/config';

/**
 * Three tiers, each runnable on its own (`vitest run --project unit|build|browser`):
 * - unit: pure functions, no site built, runs in seconds;
 * - build: builds fixture sites (and the demo, once) and checks what they produce;
 * - browser: Debian's Chromium on built fixture sites.
 * A build or browser test file builds the sites it uses on demand, once per run
 * (tests/helpers/sites.ts). The tiers run one after another; within the build and browser tiers
 * one file at a time, so that builds never compete for the machine's two cores.
 */
export default defineConfig({
  test: {
    // Gives the run its own output folder for the sites it builds.
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
