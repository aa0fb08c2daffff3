import { defineConfig } from 'vitest/config'
import { contractSource, localesPlugin } from './scripts/build-plugins.js'

export default defineConfig({
  plugins: [contractSource(), localesPlugin()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 10_000,
  },
})
