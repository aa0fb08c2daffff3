import { defineConfig } from 'vitest/config'
import { localesPlugin } from './scripts/build-plugins.js'

export default defineConfig({
  plugins: [localesPlugin()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 10_000,
  },
})
