import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests share one OS keychain and spawn child processes.
    fileParallelism: false,
    testTimeout: 20_000
  }
})
