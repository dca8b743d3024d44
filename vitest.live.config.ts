import { defineConfig } from 'vitest/config'

// Only for `npm run smoke:live`: real providers, real keys from the environment.
export default defineConfig({
  test: { include: ['tests/live/**/*.test.ts'], environment: 'node' }
})
