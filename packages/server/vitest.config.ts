import { defineConfig } from 'vitest/config'

// chDB binds one data directory per process: every test file runs in a
// forked process of its own, and builds its stores in a fresh directory.
const shared = {
  pool: 'forks' as const,
  isolate: true,
  testTimeout: 60_000,
  hookTimeout: 120_000,
}

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: { ...shared, name: 'embedded', include: ['src/**/*.test.ts', 'test-support/**/*.test.ts', 'e2e/**/*.test.ts'] },
      },
      {
        // The storage and ingestion suites again, against a ClickHouse server
        // over HTTP (chDB behind the HTTP interface, see test-support/clickhouse-http).
        test: {
          ...shared,
          name: 'remote',
          include: ['src/storage/**/*.test.ts', 'src/ingest/**/*.test.ts', 'src/analytics/*.test.ts'],
          env: { OTKLIK_TEST_REMOTE: '1' },
        },
      },
    ],
  },
})
