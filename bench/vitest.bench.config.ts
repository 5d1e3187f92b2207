// Vitest config for the Node-side measurements (bench/*.measure.ts): measurements, not timed tests.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['bench/**/*.measure.ts'],
    // bench/out holds other commits' sources (the baseline build of issue 19): never their measures.
    exclude: ['bench/out/**', 'node_modules/**'],
    environment: 'node',
    // One process per file, no worker threads: steadier timings.
    pool: 'forks',
    testTimeout: 30 * 60_000,
  },
})
