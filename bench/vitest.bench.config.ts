// Vitest config for the Node-side measurements (bench/*.measure.ts): measurements, not timed tests.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['bench/**/*.measure.ts'],
    environment: 'node',
    // One process per file, no worker threads: steadier timings.
    pool: 'forks',
    testTimeout: 30 * 60_000,
  },
})
