import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('configuration', () => {
  it('has defaults that run the embedded engine on 127.0.0.1:8080', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, rateLimit: 600, demo: false, clickhouse: { database: 'otklik', url: undefined } })
    expect(Object.isFrozen(c)).toBe(true)
  })

  it('evaluates flags every hour by default; FLAGS_EVERY takes a duration or off', () => {
    expect(loadConfig({}).flagsEveryMs).toBe(3_600_000)
    expect(loadConfig({ FLAGS_EVERY: '30m' }).flagsEveryMs).toBe(1_800_000)
    expect(loadConfig({ FLAGS_EVERY: '1d' }).flagsEveryMs).toBe(86_400_000)
    expect(loadConfig({ FLAGS_EVERY: 'off' }).flagsEveryMs).toBe(0)
  })

  it.each([
    [{ PORT: 'eighty' }, /^PORT="eighty" is invalid: /],
    [{ PORT: '70000' }, /^PORT="70000" is invalid/],
    [{ CLICKHOUSE_URL: 'ftp://x' }, /^CLICKHOUSE_URL="ftp:\/\/x" is invalid: must be an http\(s\) URL/],
    [{ CLICKHOUSE_DATABASE: 'a;drop' }, /^CLICKHOUSE_DATABASE="a;drop" is invalid/],
    [{ RATE_LIMIT: '-1' }, /^RATE_LIMIT="-1" is invalid/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL="loud" is invalid/],
    [{ OTKLIK_ADMIN_TOKEN: 'short' }, /^OTKLIK_ADMIN_TOKEN="short" is invalid: must be at least 16/],
    [{ CLICKHOUSE_CLUSTER: 'main' }, /^CLICKHOUSE_CLUSTER is set but CLICKHOUSE_URL is not/],
    [{ OTKLIK_DEMO: 'maybe' }, /^OTKLIK_DEMO="maybe" is invalid: must be 1 or 0/],
    [{ FLAGS_EVERY: 'hourly' }, /^FLAGS_EVERY="hourly" is invalid: must be a duration like 30m, 1h or 1d, or off/],
    [{ FLAGS_EVERY: '10s' }, /^FLAGS_EVERY="10s" is invalid: must be between 1m and 7d, or off/],
    [{ SMTP_URL: 'http://user:secret@mail' }, /^SMTP_URL=\(value not shown\) is invalid: must be an smtp/],
    [{ REDIS_URL: 'http://:secret@cache:6379' }, /^REDIS_URL=\(value not shown\) is invalid: must be a redis:\/\/ or rediss:\/\/ URL/],
  ])('stops with one line naming the setting: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    try {
      loadConfig(env)
    } catch (err) {
      expect((err as Error).message).toMatch(message)
      expect((err as Error).message).not.toContain('\n')
    }
  })
})
