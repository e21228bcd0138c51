import { defineConfig } from 'vitest/config';

// Test files marked `.sequential.test.ts` start many processes (workers) or restart shared
// services (PostgreSQL): they run after all the others have finished, one at a time, so no other
// test of the suite sees the outage or competes with them for the two cores (vitest docs,
// "Parallel and Sequential Test Files"; sequence.groupOrder).
const SEQUENTIAL = 'test/**/*.sequential.test.ts';

export default defineConfig({
  test: {
    // PGlite opens take seconds on a cold data dir; the machine has 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/closing-line-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'main', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [SEQUENTIAL], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'restarts', include: [SEQUENTIAL], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
