/**
 * OTKLIK_DEMO: whether a first start loads the demo data. By default it
 * does on the embedded engine (a laptop trying the product) and does not on
 * a ClickHouse server (more likely production).
 */
import { ConfigError, type Config } from '../config.js'

const ON = new Set(['1', 'true', 'on', 'yes'])
const OFF = new Set(['0', 'false', 'off', 'no'])

export function demoOnFirstStart(config: Pick<Config, 'clickhouse'>, env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.OTKLIK_DEMO?.trim().toLowerCase()
  if (raw === undefined || raw === '') return !config.clickhouse.url
  if (ON.has(raw)) return true
  if (OFF.has(raw)) return false
  throw new ConfigError(`OTKLIK_DEMO=${JSON.stringify(env.OTKLIK_DEMO)} is invalid: must be 1 or 0`)
}
